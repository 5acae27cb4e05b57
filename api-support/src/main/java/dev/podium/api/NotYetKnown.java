package dev.podium.api;

import java.util.Map;
import io.micronaut.http.HttpStatus;

/**
 * 409 {@code not-yet-known}: the request names something that another service publishes (an event,
 * an accepted talk) and this service's read model has not received it yet, even after a short wait
 * ({@link ReadModelWait}). It may have been created a moment ago: the answer carries
 * {@code Retry-After}. An id that never existed looks exactly the same from here, so the detail
 * also says to check the id if retrying does not help. Never a 404: we cannot tell that it does
 * not exist, only that we have not heard of it.
 */
public final class NotYetKnown extends PodiumProblem {

    public static final String KIND = "not-yet-known";

    private final long retryAfterSeconds;

    NotYetKnown(String service, ReadModelWait.Fact fact, long retryAfterSeconds) {
        super(KIND, "Not known yet", HttpStatus.CONFLICT,
                service + " has not heard of " + fact.resource() + " " + fact.id() + " from " + fact.source() + " yet."
                        + " If it was " + fact.happened() + " a moment ago, retry in " + retryAfterSeconds + " s;"
                        + " if retrying does not help, " + fact.ifItPersists(),
                Map.of("resource", fact.resource(), "id", fact.id(), "source", fact.source()));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** For the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
