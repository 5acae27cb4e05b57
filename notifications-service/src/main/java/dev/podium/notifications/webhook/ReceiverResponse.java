package dev.podium.notifications.webhook;

import io.micronaut.core.annotation.Nullable;

/** What a receiver answered: its status, its {@code Retry-After} as written, and the start of its body. */
record ReceiverResponse(int status, @Nullable String retryAfter, String bodyStart) {

    boolean accepted() {
        return status >= 200 && status < 300;
    }
}
