package dev.podium.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a long benchmark prints while it runs, every few seconds: its step, how far the step has got
 * (answers received, when the step sends requests) and an estimate of what is left: the current step's
 * rest, from its pace so far, plus the expected durations of the steps still to come.
 */
final class Progress implements AutoCloseable {

    /** A step and how long it usually takes on the machines of BENCHMARKS.md. */
    record Step(String name, Duration expected) {
    }

    private static final long PRINT_EVERY_SECONDS = 5;
    private static volatile Progress current;

    private final String benchmark;
    private final List<Step> steps;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger answered = new AtomicInteger();
    private final long startedNanos = System.nanoTime();
    private volatile int index = -1;
    private volatile int requests;
    private volatile long stepStartedNanos;

    private Progress(String benchmark, List<Step> steps) {
        this.benchmark = benchmark;
        this.steps = steps;
    }

    /** Starts printing; {@link Load}'s answers count towards the current step until {@link #close()}. */
    static Progress start(String benchmark, List<Step> steps) {
        Progress progress = new Progress(benchmark, steps);
        current = progress;
        progress.ticker.scheduleAtFixedRate(progress::print, PRINT_EVERY_SECONDS, PRINT_EVERY_SECONDS, TimeUnit.SECONDS);
        return progress;
    }

    /** Moves on to the step named {@code name} (one of the steps given at the start), which sends {@code requests} (0: none). */
    void step(String name, int requests) {
        int next = index + 1;
        while (next < steps.size() && !steps.get(next).name().equals(name)) {
            next++;
        }
        if (next == steps.size()) {
            throw new IllegalArgumentException("No step " + name + " after step " + (index + 1) + " of " + benchmark);
        }
        this.requests = requests;
        answered.set(0);
        stepStartedNanos = System.nanoTime();
        index = next;
        print();
    }

    /** One more answer in the current step (called by {@link Load}). */
    static void answered() {
        Progress progress = current;
        if (progress != null) {
            progress.answered.incrementAndGet();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (current == this) {
            current = null;
        }
        System.out.printf(Locale.ROOT, "[bench] %s: done in %s%n", benchmark, format(Duration.ofNanos(System.nanoTime() - startedNanos)));
    }

    private void print() {
        int at = index;
        if (at < 0) {
            return;
        }
        Step step = steps.get(at);
        Duration inStep = Duration.ofNanos(System.nanoTime() - stepStartedNanos);
        int done = answered.get();
        String howFar = requests > 0 ? String.format(Locale.ROOT, "%,d of %,d answered, ", done, requests) : "";
        System.out.printf(Locale.ROOT, "[bench] %s, step %d/%d (%s): %s%s in; about %s left%n", benchmark, at + 1, steps.size(),
                step.name(), howFar, format(inStep), format(left(at, step, inStep, done)));
    }

    private Duration left(int at, Step step, Duration inStep, int done) {
        Duration rest;
        // The first answers come slowly (a cold JIT, requests still being sent): the pace counts from a tenth on.
        if (requests > 0 && done >= requests / 10 && done > 0) {
            rest = Duration.ofNanos((long) (inStep.toNanos() * ((requests - done) / (double) done)));
        } else {
            rest = step.expected().minus(inStep);
            rest = rest.isNegative() ? Duration.ZERO : rest;
        }
        for (Step later : steps.subList(at + 1, steps.size())) {
            rest = rest.plus(later.expected());
        }
        return rest;
    }

    private static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 60 ? String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60) : seconds + " s";
    }
}
