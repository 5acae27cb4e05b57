package dev.podium.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryDelayTest {

    @Test
    void retriesBackOffExponentiallyWithJitterUpToTheMaximum() {
        RetryDelay delay = new RetryDelay(Duration.ofSeconds(2), Duration.ofMinutes(10));
        Random random = new Random(42);
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = Math.min(Duration.ofMinutes(10).toMillis(), 2000L << (attempt - 1));
            Duration wait = delay.after(attempt, random);
            assertThat(wait.toMillis()).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
        }
    }
}
