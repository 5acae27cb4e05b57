package dev.podium.talks.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * An organiser's review of a submission; one per organiser (sub) and submission.
 *
 * @param reviewer    who reviewed, as other organisers see it (an email)
 * @param reviewerSub who reviewed
 */
@MappedEntity("review")
public record Review(
        @Id String id,
        String submissionId,
        String reviewer,
        @Nullable String reviewerSub,
        int score,
        @Nullable String comment,
        Instant createdAt) {
}
