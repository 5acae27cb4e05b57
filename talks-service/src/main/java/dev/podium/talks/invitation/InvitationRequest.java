package dev.podium.talks.invitation;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Whom the primary speaker invites to co-present. */
@Serdeable
public record InvitationRequest(@NotBlank @Email @Size(max = 320) String email) {
}
