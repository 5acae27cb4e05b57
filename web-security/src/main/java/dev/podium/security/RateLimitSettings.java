package dev.podium.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.time.Duration;

/** One named limit: {@code podium.rate-limits.<name>.requests} per {@code podium.rate-limits.<name>.window}. */
@EachProperty("podium.rate-limits")
public class RateLimitSettings {

    private final String name;
    private int requests = 30;
    private Duration window = Duration.ofMinutes(1);

    public RateLimitSettings(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public int getRequests() {
        return requests;
    }

    public void setRequests(int requests) {
        this.requests = requests;
    }

    public Duration getWindow() {
        return window;
    }

    public void setWindow(Duration window) {
        this.window = window;
    }
}
