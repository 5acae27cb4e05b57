package dev.podium.security;

import dev.podium.api.PodiumProblem;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** The replica has as many requests in hand as it may hold: 503 at once, and when to try again. Nothing was changed. */
public final class Overloaded extends PodiumProblem {

    /** Seconds a client should wait: a burst that fills the replica drains in about that. */
    public static final int RETRY_AFTER_SECONDS = 1;

    Overloaded(int inFlight) {
        super("service-unavailable", "Service busy", HttpStatus.SERVICE_UNAVAILABLE,
                "This server is handling " + inFlight + " requests, as many as it takes at once; nothing was changed. Retry in "
                        + RETRY_AFTER_SECONDS + " s", Map.of());
    }
}
