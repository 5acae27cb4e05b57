package dev.podium.notifications.reply;

import io.micronaut.core.annotation.Nullable;

/**
 * An email read from the organizer mailbox.
 *
 * @param messageKey SHA-256 (hex) of its Message-ID, or of the whole message when it has none: the same email read again has the same key
 * @param calendar   its {@code text/calendar} part; null when it has none
 */
record IncomingReply(String messageKey, @Nullable String messageId, @Nullable String sender, @Nullable String calendar) {
}
