package dev.podium.notifications.reply;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A recorded email of the organizer mailbox, for admins.
 *
 * @param reason   why it did not match (or, matched, why it was not acted on: an answer other than ACCEPTED or DECLINED)
 * @param answer   the ATTENDEE's PARTSTAT as sent
 */
@Serdeable
record CalendarReplyView(String id, ReplyStatus status, @Nullable String reason, @Nullable String messageId,
                         @Nullable String sender, @Nullable String uid, @Nullable String eventId,
                         @Nullable String attendeeEmail, @Nullable String answer, Instant receivedAt) {
}
