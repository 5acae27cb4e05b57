package dev.podium.notifications.delivery;

import io.micronaut.core.annotation.Nullable;

/**
 * A delivery a sender holds the lease of; {@code attempt} counts this one (1 for the first).
 * {@code address} is where the channel sends it (the table's {@code email} column).
 */
public record ClaimedDelivery(long id, String notificationId, String address, @Nullable String name,
                              @Nullable String manageUrl, int attempt) {
}
