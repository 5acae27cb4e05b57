package dev.podium.notifications.reply;

import dev.podium.contracts.notifications.CalendarReplyReceived;
import dev.podium.messaging.outbox.Outbox;
import dev.podium.notifications.audience.Recipient;
import dev.podium.notifications.invitation.InvitationUids;
import dev.podium.persistence.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Records each email of the organizer mailbox once, by its message key (unique in the table, so a
 * reread after a crash, or the same email read by two replicas, inserts nothing and publishes
 * nothing), and in the same transaction publishes {@link CalendarReplyReceived} for a matched
 * ACCEPTED or DECLINED, for events-service to act on. Unmatched replies are kept with their reason.
 */
@Singleton
class CalendarReplies {

    private static final int MAX_TEXT = 320;

    private final Sql sql;
    private final InvitationUids uids;
    private final Outbox outbox;
    private final Clock clock;

    CalendarReplies(Sql sql, InvitationUids uids, Outbox outbox, Clock clock) {
        this.sql = sql;
        this.uids = uids;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns false when this email was already recorded. */
    @Transactional
    public boolean record(IncomingReply reply) {
        ReplyVerdict verdict = ReplyVerdict.of(reply, uids);
        ItipReply itip = verdict.itip();
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String attendee = itip == null || itip.attendeeAddress() == null ? null : Recipient.normalise(itip.attendeeAddress());
        int inserted = sql.update("""
                        INSERT IGNORE INTO calendar_reply (id, message_key, message_id, sender, status, reason, uid, event_id,
                            attendee_email, answer, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, reply.messageKey(), cut(reply.messageId(), 998), cut(reply.sender(), MAX_TEXT), verdict.status().name(),
                verdict.reason(), itip == null ? null : cut(itip.uid(), 500), verdict.eventId(), cut(attendee, MAX_TEXT),
                itip == null ? null : cut(itip.participation(), 16), now);
        if (inserted == 0) {
            return false;
        }
        if (verdict.answer() != null) {
            outbox.append(new CalendarReplyReceived(id, verdict.eventId(), attendee, itip.attendeeName(), verdict.answer(), now));
        }
        return true;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
