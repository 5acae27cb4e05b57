package dev.podium.security;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests a replica holds at once. A request beyond it is refused at once rather than
 * queued: queued requests cost heap while they wait (a burst of thousands ran a 96 MB heap out of
 * memory in the RSVP benchmark) and would be answered too late to matter anyway.
 */
final class InFlightLimit {

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();

    InFlightLimit(int limit) {
        this.limit = limit;
    }

    /** Takes a place, or returns false (taking none) when all are taken. */
    boolean tryEnter() {
        while (true) {
            int now = inFlight.get();
            if (now >= limit) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives back a place taken by {@link #tryEnter}. */
    void leave() {
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }

    int limit() {
        return limit;
    }
}
