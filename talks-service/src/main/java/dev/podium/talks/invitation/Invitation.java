package dev.podium.talks.invitation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * An invitation to co-present a talk.
 *
 * @param status PENDING or ACCEPTED
 */
@MappedEntity("invitation")
public record Invitation(
        @Id String id,
        String submissionId,
        @Nullable String email,
        String invitedBySpeakerId,
        String status,
        Instant expiresAt,
        Instant createdAt,
        @Nullable Instant acceptedAt,
        @Nullable String acceptedSpeakerId) {

    static final String PENDING = "PENDING";
    static final String ACCEPTED = "ACCEPTED";

    Invitation accepted(String speakerId, Instant at) {
        return new Invitation(id, submissionId, email, invitedBySpeakerId, ACCEPTED, expiresAt, createdAt, at, speakerId);
    }
}
