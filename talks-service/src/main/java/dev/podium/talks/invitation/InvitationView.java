package dev.podium.talks.invitation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** An invitation as the inviting speaker sees it (the token only goes to the invitee, by email). */
@Serdeable
public record InvitationView(String id, String submissionId, @Nullable String email, String status, Instant expiresAt,
                             Instant createdAt) {

    static InvitationView of(Invitation invitation) {
        return new InvitationView(invitation.id(), invitation.submissionId(), invitation.email(), invitation.status(),
                invitation.expiresAt(), invitation.createdAt());
    }
}
