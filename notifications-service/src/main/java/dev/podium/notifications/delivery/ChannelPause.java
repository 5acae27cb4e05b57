package dev.podium.notifications.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Stops claiming while the channel cannot be reached, instead of burning through the queue's
 * attempts: 0.5 s, doubling up to 30 s, on the monotonic clock (an outage is about elapsed time).
 */
final class ChannelPause {

    static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final LongSupplier nanoTime;
    private final AtomicInteger unreachableStreak = new AtomicInteger();
    private volatile long pausedUntilNanos;

    ChannelPause() {
        this(System::nanoTime);
    }

    ChannelPause(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.pausedUntilNanos = nanoTime.getAsLong();
    }

    boolean active() {
        return nanoTime.getAsLong() - pausedUntilNanos < 0;
    }

    /** The channel answered: the next outage starts again from the first pause. */
    void reachable() {
        unreachableStreak.set(0);
    }

    synchronized void unreachable() {
        if (active()) {
            // Already paused: the other sends in flight when the channel went away fail too, and must
            // not each double the pause (16 of them took it straight to the longest). It doubles
            // once per round of claims that still finds the channel unreachable.
            return;
        }
        int streak = unreachableStreak.incrementAndGet();
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(streak - 1, 6));
        pausedUntilNanos = nanoTime.getAsLong() + (pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause).toNanos();
    }
}
