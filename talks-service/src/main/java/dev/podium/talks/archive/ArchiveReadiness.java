package dev.podium.talks.archive;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Not ready until this replica's search index has caught up with the archive (after a rebuild, at a
 * first start, that can take minutes): until then a search would miss talks.
 */
@Singleton
@Readiness
class ArchiveReadiness implements HealthIndicator {

    private final ArchiveFeed feed;

    ArchiveReadiness(ArchiveFeed feed) {
        this.feed = feed;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean caughtUp = feed.caughtUp();
        return Publishers.just(HealthResult.builder("archive-index", caughtUp ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("caughtUp", caughtUp)).build());
    }
}
