package dev.podium.notifications.delivery;

import io.micronaut.core.annotation.Nullable;

/** A delivery a sender holds the lease of; {@code attempt} counts this one (1 for the first). */
public record ClaimedDelivery(long id, String notificationId, String email, @Nullable String name,
                              @Nullable String manageUrl, int attempt) {
}
