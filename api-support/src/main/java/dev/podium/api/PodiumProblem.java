package dev.podium.api;

import java.net.URI;
import java.util.Map;
import io.micronaut.http.HttpStatus;
import io.micronaut.problem.HttpStatusType;
import org.zalando.problem.AbstractThrowableProblem;

/**
 * A typed domain error, answered as RFC 9457 problem+json by micronaut-problem-json. Each error
 * kind has a stable {@code type} URI ({@value #TYPE_BASE}{@code <kind>}) that clients can switch
 * on. Only these and validation errors become 4xx answers; anything else is a bug and a 500.
 */
public abstract class PodiumProblem extends AbstractThrowableProblem {

    public static final String TYPE_BASE = "https://podium.dev/problems/";

    protected PodiumProblem(String kind, String title, HttpStatus status, String detail, Map<String, Object> parameters) {
        // HttpStatusType serialises as the number RFC 9457 requires (zalando's Status enum would give its name).
        super(URI.create(TYPE_BASE + kind), title, new HttpStatusType(status), detail, null, null, parameters);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
