package dev.podium.notifications.delivery;

import io.micronaut.core.annotation.Nullable;

/**
 * A delivery a sender holds the lease of; {@code attempt} counts this one (1 for the first).
 * {@code address} is where the channel sends it (the table's {@code email} column); {@code importedBy}
 * names the organiser who imported the recipient into the group, so the message can say so;
 * {@code participation} is the recipient's calendar PARTSTAT for their copy of an invitation.
 */
public record ClaimedDelivery(long id, String notificationId, String address, @Nullable String name,
                              @Nullable String manageUrl, @Nullable String importedBy, @Nullable String participation,
                              int attempt) {
}
