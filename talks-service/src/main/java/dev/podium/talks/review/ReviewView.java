package dev.podium.talks.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

@Serdeable
public record ReviewView(String id, String submissionId, String reviewer, int score, @Nullable String comment, Instant createdAt) {

    static ReviewView of(Review review) {
        return new ReviewView(review.id(), review.submissionId(), review.reviewer(), review.score(), review.comment(), review.createdAt());
    }
}
