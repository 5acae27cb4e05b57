package dev.podium.security;

import dev.podium.api.PodiumProblem;
import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.util.Map;

/** A client went over a rate limit (or a quota): 429, and when to come back. */
public class TooManyRequests extends PodiumProblem {

    private final Duration retryAfter;

    public TooManyRequests(String limit, Duration retryAfter) {
        this("rate-limited", "Too many requests",
                "Too many requests from this address; retry in " + seconds(retryAfter) + " s", Map.of("limit", limit),
                retryAfter);
    }

    /** Another kind of 429 (a daily quota), answered the same way, with {@code Retry-After}. */
    protected TooManyRequests(String kind, String title, String detail, Map<String, Object> parameters, Duration retryAfter) {
        super(kind, title, HttpStatus.TOO_MANY_REQUESTS, detail, parameters);
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    protected static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
