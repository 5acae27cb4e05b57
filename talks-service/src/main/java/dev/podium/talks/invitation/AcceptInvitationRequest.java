package dev.podium.talks.invitation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/**
 * Who accepts: the speaker profile to add to the talk, which must be the caller's (an admin may name
 * anyone's). Without {@code speakerId}, the caller's own profile is used (422 speaker-profile-required
 * when they have none).
 */
@Serdeable
public record AcceptInvitationRequest(@Nullable @Size(max = 64) String speakerId) {
}
