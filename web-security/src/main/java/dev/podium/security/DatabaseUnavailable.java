package dev.podium.security;

import dev.podium.api.PodiumProblem;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** The service's database cannot take the change right now: 503, and when to try again. Nothing was changed. */
public final class DatabaseUnavailable extends PodiumProblem {

    /** Seconds a client should wait before retrying (the pool gives up waiting for a connection after 2.5 s). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable(String title, String reason) {
        super("service-unavailable", title, HttpStatus.SERVICE_UNAVAILABLE,
                reason + "; nothing was changed. Retry in " + RETRY_AFTER_SECONDS + " s", Map.of());
    }

    static DatabaseUnavailable unreachable() {
        return new DatabaseUnavailable("Service unavailable", "The service cannot reach its database right now");
    }

    /** The change kept colliding with concurrent ones (deadlock victims every attempt): too much contention. */
    static DatabaseUnavailable contended() {
        return new DatabaseUnavailable("Service busy", "The change kept colliding with concurrent changes to the same records");
    }
}
