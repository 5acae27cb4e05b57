package dev.podium.security;

import dev.podium.messaging.retention.RetentionPolicy;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Rate-limit windows go {@code podium.retention.rate-limits} (1 hour) after they started, and never
 * before they ended (the retention is at least the longest window); run once across the replicas by
 * messaging's {@link dev.podium.messaging.retention.Retention}.
 */
@Singleton
class RateLimitJanitor implements RetentionPolicy {

    private final RateLimitCounter counter;
    private final Duration retention;

    RateLimitJanitor(RateLimitCounter counter, List<RateLimitSettings> limits,
                     @Value("${podium.retention.rate-limits:1h}") Duration retention) {
        this.counter = counter;
        Duration longestWindow = limits.stream().map(RateLimitSettings::getWindow).max(Duration::compareTo).orElse(Duration.ZERO);
        this.retention = retention.compareTo(longestWindow) >= 0 ? retention : longestWindow;
    }

    @Override
    public String name() {
        return "rate_limit_hit";
    }

    @Override
    public Duration retention() {
        return retention;
    }

    @Override
    public int deleteBefore(Instant cutoff, int limit) {
        return counter.forgetBefore(cutoff, limit);
    }
}
