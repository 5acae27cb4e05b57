package dev.podium.security;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Deletes rate-limit windows that ended over an hour ago (any replica may; the delete is idempotent). */
@Singleton
class RateLimitJanitor {

    private static final Duration KEEP = Duration.ofHours(1);

    private final RateLimitCounter counter;
    private final Clock clock;

    RateLimitJanitor(RateLimitCounter counter, Clock clock) {
        this.counter = counter;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${podium.rate-limits-cleanup-interval:10m}", initialDelay = "1m")
    void forgetOldWindows() {
        counter.forgetBefore(clock.instant().minus(KEEP));
    }
}
