package dev.podium.notifications.delivery;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** How many attempts a delivery gets, and how long it waits before the next one. */
record RetryPolicy(int maxAttempts, RetryDelay delay) {

    static RetryPolicy of(DeliverySettings settings) {
        return new RetryPolicy(settings.getMaxAttempts(), new RetryDelay(settings.getRetryDelay(), settings.getMaxRetryDelay()));
    }

    /** True when {@code attempt} (1 for the first) was the delivery's last. */
    boolean exhausted(int attempt) {
        return attempt >= maxAttempts;
    }

    Instant nextAttempt(Instant now, int attempt) {
        return now.plus(delay.after(attempt, ThreadLocalRandom.current()));
    }
}
