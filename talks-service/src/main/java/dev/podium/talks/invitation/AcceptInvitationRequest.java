package dev.podium.talks.invitation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/**
 * Who accepts: the speaker profile to add to the talk. Without {@code speakerId}, the profile with
 * the invited email is used (422 speaker-profile-required when there is none).
 */
@Serdeable
public record AcceptInvitationRequest(@Nullable @Size(max = 64) String speakerId) {
}
