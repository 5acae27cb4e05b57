package dev.podium.talks.catalog;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * An event as events-service last described it.
 *
 * @param startsAt wall-clock start in {@code timeZone}, null while the date is not set
 * @param status   DRAFT, PUBLISHED, CANCELLED or COMPLETED
 */
public record KnownEvent(
        String id,
        String groupId,
        String groupSlug,
        String title,
        String status,
        @Nullable LocalDateTime startsAt,
        @Nullable LocalDateTime endsAt,
        String timeZone,
        @Nullable Instant startsAtUtc,
        @Nullable Instant endsAtUtc) {

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }

    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
