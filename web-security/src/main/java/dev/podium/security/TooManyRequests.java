package dev.podium.security;

import dev.podium.api.PodiumProblem;
import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.util.Map;

/** A client went over a rate limit: 429, and when to come back. */
public class TooManyRequests extends PodiumProblem {

    private final Duration retryAfter;

    public TooManyRequests(String limit, Duration retryAfter) {
        super("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this address; retry in " + seconds(retryAfter) + " s",
                Map.of("limit", limit));
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
