package dev.podium.bench;

import java.util.Locale;

/**
 * A line on the console every few seconds while one counted step runs (members imported, emails arrived): which benchmark, which step,
 * how far it is, and an estimate of what is left at the rate seen so far.
 */
final class CountProgress {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final String benchmark;
    private final String step;
    private final long total;
    private final long started = System.nanoTime();
    private long lastPrinted = started;

    private CountProgress(String benchmark, String step, long total) {
        this.benchmark = benchmark;
        this.step = step;
        this.total = total;
        System.out.printf(Locale.ROOT, "[bench] %s: %s (0 of %,d)%n", benchmark, step, total);
    }

    static CountProgress of(String benchmark, String step, long total) {
        return new CountProgress(benchmark, step, total);
    }

    /** Prints how far the step is, at most every 5 s. */
    void at(long done) {
        long now = System.nanoTime();
        if (now - lastPrinted < EVERY_NANOS) {
            return;
        }
        lastPrinted = now;
        double seconds = (now - started) / 1e9;
        double perSecond = done / seconds;
        String left = done == 0 ? "unknown" : String.format(Locale.ROOT, "about %.0f s", (total - done) / perSecond);
        System.out.printf(Locale.ROOT, "[bench] %s: %s: %,d of %,d (%.0f %%) after %.0f s, %.0f/s; left: %s%n", benchmark, step,
                done, total, 100.0 * done / total, seconds, perSecond, left);
    }

    void done() {
        System.out.printf(Locale.ROOT, "[bench] %s: %s: done in %.1f s%n", benchmark, step, (System.nanoTime() - started) / 1e9);
    }
}
