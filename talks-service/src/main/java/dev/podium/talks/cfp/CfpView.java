package dev.podium.talks.cfp;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A call for papers.
 *
 * @param open whether submissions are accepted now
 */
@Serdeable
public record CfpView(
        @Nullable String eventId,
        @Nullable String groupSlug,
        Instant opensAt,
        Instant closesAt,
        boolean open,
        Instant updatedAt) {
}
