package dev.podium.notifications.retention;

import dev.podium.messaging.retention.RetentionPolicy;
import dev.podium.persistence.Sql;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * How long notifications-service keeps what it sent and read, besides the tables every service has
 * (processed messages, outbox, rate limits): {@code podium.retention.deliveries} (90 days) for each,
 * as they hold attendees' and members' names and addresses. What is still to do or to look at stays.
 */
@Factory
class NotificationsRetention {

    private final Sql sql;
    private final Duration retention;

    NotificationsRetention(Sql sql, @Value("${podium.retention.deliveries:90d}") Duration retention) {
        this.sql = sql;
        this.retention = retention;
    }

    /**
     * Email deliveries that are done (SENT, SKIPPED, FAILED), by the age of their outcome; PENDING,
     * SENDING and DEAD stay. A permanent failure's address stays on the suppression list, a table of its own.
     */
    @Singleton
    @Named("delivery")
    RetentionPolicy deliveries() {
        return RetentionPolicy.deleting("delivery", retention, sql,
                "DELETE FROM delivery WHERE status IN ('SENT', 'SKIPPED', 'FAILED') AND updated_at < ? LIMIT ?");
    }

    /** Webhook messages, with their deliveries, once none of those is still to do or to look at. */
    @Singleton
    @Named("webhook_message")
    RetentionPolicy webhookMessages() {
        return RetentionPolicy.deleting("webhook_message", retention, sql, """
                DELETE FROM webhook_message WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM webhook_delivery d
                    WHERE d.message_id = webhook_message.id AND d.status IN ('PENDING', 'SENDING', 'DEAD'))
                LIMIT ?""");
    }

    /**
     * Answers read from the organizer mailbox, by when they were read. The mailbox keeps the emails
     * flagged as seen, so one whose row has gone is not read again.
     */
    @Singleton
    @Named("calendar_reply")
    RetentionPolicy calendarReplies() {
        return RetentionPolicy.deleting("calendar_reply", retention, sql,
                "DELETE FROM calendar_reply WHERE received_at < ? LIMIT ?");
    }
}
