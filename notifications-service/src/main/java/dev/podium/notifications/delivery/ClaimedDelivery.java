package dev.podium.notifications.delivery;

import io.micronaut.core.annotation.Nullable;

/**
 * A delivery a sender holds the lease of; {@code attempt} counts this one (1 for the first).
 * {@code notificationId} names what it carries (a notification, a webhook message) and {@code address}
 * where the channel sends it (an email address, a webhook endpoint's id); {@code importedBy}
 * names the organiser who imported the recipient into the group, so the message can say so;
 * {@code participation} is the recipient's calendar PARTSTAT for their copy of an invitation (email only).
 */
public record ClaimedDelivery(long id, String notificationId, String address, @Nullable String name,
                              @Nullable String manageUrl, @Nullable String importedBy, @Nullable String participation,
                              int attempt) {
}
