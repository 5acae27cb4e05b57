package dev.podium.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Claims pause while the channel is unreachable: 0.5 s, doubling per round that still fails, up to 30 s. */
class ChannelPauseTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ChannelPause pause = new ChannelPause(now::get);

    @Test
    void aReachableChannelIsNotPaused() {
        assertThat(pause.active()).isFalse();
    }

    @Test
    void theFirstPauseLastsHalfASecond() {
        pause.unreachable();

        assertThat(pausedFor()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void failuresDuringAPauseDoNotLengthenIt() {
        pause.unreachable();
        advance(Duration.ofMillis(100));
        pause.unreachable();
        pause.unreachable();

        assertThat(pausedFor()).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void eachRoundThatStillFindsItUnreachableDoublesThePauseUpToThirtySeconds() {
        for (long expected : new long[] {500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000}) {
            pause.unreachable();
            assertThat(pausedFor()).isEqualTo(Duration.ofMillis(expected));
            advance(Duration.ofMillis(expected));
            assertThat(pause.active()).isFalse();
        }
    }

    @Test
    void aChannelThatAnsweredStartsAgainFromTheFirstPause() {
        pause.unreachable();
        advance(Duration.ofMillis(500));
        pause.unreachable();
        advance(Duration.ofSeconds(1));
        pause.reachable();

        pause.unreachable();

        assertThat(pausedFor()).isEqualTo(Duration.ofMillis(500));
    }

    /** How long the pause still lasts, found by moving the clock a millisecond at a time. */
    private Duration pausedFor() {
        long start = now.get();
        long probe = start;
        while (true) {
            now.set(probe);
            if (!pause.active()) {
                now.set(start);
                return Duration.ofNanos(probe - start);
            }
            probe += 1_000_000L;
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
