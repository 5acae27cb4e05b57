package dev.podium.notifications.delivery;

import java.util.concurrent.TimeUnit;

/**
 * Spaces sends evenly at a given number per second across all senders of this replica (0: no limit).
 * Measured on the monotonic clock: a rate is about elapsed time, not about the wall-clock time.
 */
final class SendRate {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    SendRate(int perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / perSecond;
    }

    void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(nextSlot, now);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
