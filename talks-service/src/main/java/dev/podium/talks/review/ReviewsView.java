package dev.podium.talks.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A submission's reviews.
 *
 * @param averageScore rounded to two decimals, null without reviews
 */
@Serdeable
public record ReviewsView(String submissionId, @Nullable Double averageScore, int reviewCount, List<ReviewView> reviews) {
}
