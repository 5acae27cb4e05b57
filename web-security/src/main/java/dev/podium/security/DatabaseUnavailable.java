package dev.podium.security;

import dev.podium.api.PodiumProblem;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** The service's database cannot be reached right now: 503, and when to try again. Nothing was changed. */
public final class DatabaseUnavailable extends PodiumProblem {

    /** Seconds a client should wait before retrying (the pool gives up waiting for a connection after 2.5 s). */
    public static final int RETRY_AFTER_SECONDS = 5;

    DatabaseUnavailable() {
        super("service-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database right now; nothing was changed. Retry in "
                        + RETRY_AFTER_SECONDS + " s", Map.of());
    }
}
