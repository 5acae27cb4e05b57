package dev.podium.notifications.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of
 * {@code min(max, base × 2^(n-1))}, so thousands of deliveries failing together do not retry together.
 */
public record RetryDelay(Duration base, Duration max) {

    public Duration after(int attempt, RandomGenerator random) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), base.toMillis() * (1L << doublings));
        long jittered = ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2));
        return Duration.ofMillis(Math.max(jittered, 1));
    }
}
