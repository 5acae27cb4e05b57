package dev.podium.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.messaging.retention.Retention;
import dev.podium.persistence.Sql;
import dev.podium.testsupport.MutableClock;
import dev.podium.testsupport.RealServers;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * notifications-service's tables that grow with traffic keep to their retention: deliveries that are
 * done and calendar answers read (90 days), processed messages (14 days), rate-limit windows (1 hour); what is
 * still to do stays.
 */
@MicronautTest(transactional = false)
class RetentionTest implements RealServers {

    private final MutableClock clock = MutableClock.at("2031-09-01T12:00:00Z");

    @Inject
    Retention retention;

    @Inject
    Sql sql;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.retention.check-interval", "1h"); // runs when the test says
        properties.put("podium.retention.initial-delay", "1h");
        properties.put("podium.mail.sending", "false");
        return properties;
    }

    @Test
    void doneDeliveriesOldProcessedMessagesAndEndedRateLimitWindowsGo() {
        Instant now = clock.instant();
        Instant longAgo = now.minus(Duration.ofDays(100));
        String notification = UUID.randomUUID().toString();
        sql.update("""
                INSERT INTO notification (id, trigger_key, kind, language, subject, model, bulk, created_at)
                VALUES (?, ?, 'ANNOUNCEMENT', 'en', 'Meetup', '{}', TRUE, ?)""", notification, "retention:" + notification, longAgo);
        long oldSent = delivery(notification, "SENT", longAgo);
        long oldSkipped = delivery(notification, "SKIPPED", longAgo);
        long oldDead = delivery(notification, "DEAD", longAgo);
        long oldPending = delivery(notification, "PENDING", longAgo);
        long recentSent = delivery(notification, "SENT", now.minus(Duration.ofDays(30)));
        String oldMessage = UUID.randomUUID().toString();
        String recentMessage = UUID.randomUUID().toString();
        sql.update("INSERT INTO processed_message (consumer, message_id, processed_at) VALUES ('t', ?, ?), ('t', ?, ?)",
                oldMessage, now.minus(Duration.ofDays(15)), recentMessage, now.minus(Duration.ofDays(8)));
        sql.update("INSERT INTO rate_limit_hit (limit_name, client, window_start, hits) VALUES ('public-writes', ?, ?, 3), "
                + "('public-writes', ?, ?, 3)", "old-client", now.minus(Duration.ofHours(2)).getEpochSecond(),
                "current-client", now.minus(Duration.ofSeconds(30)).getEpochSecond());

        String oldReply = calendarReply(longAgo);
        String recentReply = calendarReply(now.minus(Duration.ofDays(30)));

        Map<String, Long> deleted = retention.runDue();

        assertThat(deleted).containsKeys("delivery", "processed_message", "rate_limit_hit", "outbox", "webhook_message",
                "calendar_reply");
        assertThat(exists("delivery", "id", oldSent)).isFalse();
        assertThat(exists("delivery", "id", oldSkipped)).isFalse();
        assertThat(exists("delivery", "id", oldDead)).as("DEAD deliveries wait for someone to look").isTrue();
        assertThat(exists("delivery", "id", oldPending)).as("still to send").isTrue();
        assertThat(exists("delivery", "id", recentSent)).isTrue();
        assertThat(exists("processed_message", "message_id", oldMessage)).isFalse();
        assertThat(exists("processed_message", "message_id", recentMessage)).isTrue();
        assertThat(exists("rate_limit_hit", "client", "old-client")).isFalse();
        assertThat(exists("rate_limit_hit", "client", "current-client")).isTrue();
        assertThat(exists("calendar_reply", "id", oldReply)).as("an answer read 100 days ago").isFalse();
        assertThat(exists("calendar_reply", "id", recentReply)).isTrue();
    }

    private String calendarReply(Instant receivedAt) {
        String id = UUID.randomUUID().toString();
        sql.update("""
                INSERT INTO calendar_reply (id, message_key, sender, status, reason, received_at)
                VALUES (?, SHA2(?, 256), ?, 'UNMATCHED', 'no-invitation', ?)""", id, id, Fixtures.address("reply"), receivedAt);
        return id;
    }

    private long delivery(String notification, String status, Instant at) {
        String address = Fixtures.address("retention");
        sql.update("""
                INSERT INTO delivery (notification_id, email, status, attempts, next_attempt_at, updated_at, sent_at)
                VALUES (?, ?, ?, 1, ?, ?, ?)""", notification, address, status, at, at, "SENT".equals(status) ? at : null);
        return sql.count("SELECT id FROM delivery WHERE email = ?", address);
    }

    private boolean exists(String table, String column, Object value) {
        return sql.count("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", value) > 0;
    }
}
