package dev.podium.api;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an HTTP request does when it names something another service publishes (an event that
 * events-service created, a talk that talks-service accepted) and this service's read model, fed
 * from Kafka, does not hold it yet: it was probably created a moment ago and its message is on the
 * way (about 1.5 s behind). {@link #await} polls the read model for a short bounded time
 * ({@code podium.read-models.wait}, 2 s by default), then answers 409 {@link NotYetKnown} with
 * {@code Retry-After}. {@link #require} answers the same at once, without waiting (reads, and
 * lookups inside a transaction).
 *
 * <p>Call {@link #await} outside any transaction: under MySQL's REPEATABLE READ a transaction keeps
 * seeing the snapshot of its first read, so it would never see the message arrive, and it would hold
 * a connection (and its locks) while sleeping. Only the calling request's thread sleeps; nothing is
 * locked. The wait is real elapsed time ({@link System#nanoTime()}), not the injected business
 * {@link java.time.Clock}, which tests freeze and move by hours.
 */
@Singleton
public class ReadModelWait {

    /** First pause between two looks; doubled up to {@link #LONGEST_PAUSE}. */
    static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    static final Duration LONGEST_PAUSE = Duration.ofMillis(200);

    /**
     * Something this service learns from another one.
     *
     * @param resource      what it is, as the detail names it ({@code event}, {@code talk})
     * @param id            its id as the request gave it
     * @param source        the service that publishes it ({@code events-service})
     * @param happened      what would have happened a moment ago ({@code created}, {@code accepted})
     * @param ifItPersists  what to check when retrying does not help
     */
    public record Fact(String resource, String id, String source, String happened, String ifItPersists) {

        public Fact(String resource, String id, String source, String happened) {
            this(resource, id, source, happened,
                    "check the " + resource + " id: one that never existed looks the same from here.");
        }
    }

    private final String service;
    private final Duration wait;

    @Inject
    public ReadModelWait(@Value("${micronaut.application.name:this service}") String service,
                         @Value("${podium.read-models.wait:2s}") Duration wait) {
        if (wait.isNegative()) {
            throw new IllegalArgumentException("podium.read-models.wait must not be negative: " + wait);
        }
        this.service = service;
        this.wait = wait;
    }

    /** The lookup's answer once it has one; 409 not-yet-known when it still has none after the wait. */
    public <T> T await(Fact fact, Supplier<Optional<T>> lookup) {
        return poll(lookup, () -> fact);
    }

    /**
     * Waits until {@code missing} (those of the request's ids that the read model does not hold) is
     * empty; 409 not-yet-known naming the first id still missing after the wait.
     */
    public void awaitAll(Supplier<? extends Collection<String>> missing, Function<String, Fact> fact) {
        String[] lastMissing = new String[1];
        poll(() -> {
            Collection<String> unknown = missing.get();
            if (unknown.isEmpty()) {
                return Optional.of(Boolean.TRUE);
            }
            lastMissing[0] = unknown.iterator().next();
            return Optional.empty();
        }, () -> fact.apply(lastMissing[0]));
    }

    private <T> T poll(Supplier<Optional<T>> lookup, Supplier<Fact> unknown) {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_PAUSE.toNanos();
        while (true) {
            Optional<T> found = lookup.get();
            if (found.isPresent()) {
                return found.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !sleep(Math.min(left, pause))) {
                throw notYetKnown(unknown.get());
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE.toNanos());
        }
    }

    /** The lookup's answer; 409 not-yet-known at once when it has none. */
    public <T> T require(Fact fact, Optional<T> found) {
        return found.orElseThrow(() -> notYetKnown(fact));
    }

    public NotYetKnown notYetKnown(Fact fact) {
        return new NotYetKnown(service, fact, retryAfterSeconds());
    }

    /** What {@code Retry-After} says: the wait, in whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static boolean sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
