package dev.podium.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.notifications.Fixtures;
import dev.podium.persistence.Sql;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.MutableClock;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
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
 * A delivery is tried {@code MAIL_MAX_ATTEMPTS} times, then {@code DEAD}, whatever goes wrong: a send
 * that throws (an email that cannot be rendered), a lease that ends without an outcome, or a row
 * that already had its attempts when it came due. Time is moved by hand (the retries' backoff).
 */
@MicronautTest(transactional = false)
class DeliveryAttemptsTest implements RealServers {

    private static final int MAX_ATTEMPTS = 3;

    private final MutableClock clock = MutableClock.at("2031-05-12T08:00:00Z");
    private final MailTestServer mail = TestServers.mail();

    @Inject
    Sql sql;

    @Inject
    DeliveryQueue queue;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.mail.max-attempts", String.valueOf(MAX_ATTEMPTS));
        return properties;
    }

    @Test
    void aDeliveryWhoseRenderingThrowsIsDeadAfterItsAttemptsInsteadOfRetriedForever() {
        // The announcement template reads ${event.url}: an event that is a string cannot be rendered.
        long delivery = delivery("{\"event\":\"not an event\"}", "PENDING", 0, clock.instant(), null);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            clock.advance(Duration.ofMinutes(11)); // past any retry delay (MAIL_MAX_RETRY_DELAY, 10 min) and lease
            return "DEAD".equals(status(delivery));
        });

        assertThat(attempts(delivery)).isEqualTo(MAX_ATTEMPTS);
        assertThat(lastError(delivery)).contains("Exception");
        clock.advance(Duration.ofHours(1));
        assertThat(queue.claim(100)).extracting(ClaimedDelivery::id).doesNotContain(delivery);
        assertThat(attempts(delivery)).as("no attempt after death").isEqualTo(MAX_ATTEMPTS);
    }

    @Test
    void aLeaseThatEndsWithoutOutcomeCountsAsAnAttemptAndTheLastOneIsDead() {
        Instant expired = clock.instant().minusSeconds(1);
        long notLast = delivery("{}", "SENDING", 1, clock.instant(), expired);
        long last = delivery("{}", "SENDING", MAX_ATTEMPTS, clock.instant(), expired);

        queue.releaseExpiredLeases();

        assertThat(status(last)).isEqualTo("DEAD");
        assertThat(lastError(last)).contains("lease");
        assertThat(status(notLast)).isEqualTo("PENDING");
        assertThat(sql.one("SELECT next_attempt_at FROM delivery WHERE id = ?", row -> Sql.instant(row, "next_attempt_at"), notLast))
                .get().as("retried after a backoff, not at once").matches(next -> next.isAfter(clock.instant()));
    }

    @Test
    void aDueDeliveryThatHadItsAttemptsIsNotClaimedButDead() {
        String address = Fixtures.address("exhausted");
        long exhausted = delivery("{}", "PENDING", MAX_ATTEMPTS, clock.instant().minusSeconds(5), null, address);

        await().atMost(Duration.ofSeconds(30)).until(() -> "DEAD".equals(status(exhausted)));

        assertThat(attempts(exhausted)).isEqualTo(MAX_ATTEMPTS);
        assertThat(mail.messagesTo(address)).isEmpty();
    }

    private long delivery(String model, String status, int attempts, Instant due, Instant leaseUntil) {
        return delivery(model, status, attempts, due, leaseUntil, Fixtures.address("attempts"));
    }

    private long delivery(String model, String status, int attempts, Instant due, Instant leaseUntil, String address) {
        String notification = UUID.randomUUID().toString();
        sql.update("""
                INSERT INTO notification (id, trigger_key, kind, event_id, group_id, language, subject, model, bulk, calendar, created_at)
                VALUES (?, ?, 'ANNOUNCEMENT', NULL, NULL, 'en', 'Meetup', ?, FALSE, NULL, ?)""",
                notification, "test:" + notification, model, clock.instant());
        sql.update("""
                INSERT INTO delivery (notification_id, email, name, status, attempts, next_attempt_at, lease_until, updated_at)
                VALUES (?, ?, 'Ada', ?, ?, ?, ?, ?)""", notification, address, status, attempts, due, leaseUntil, clock.instant());
        return sql.count("SELECT id FROM delivery WHERE notification_id = ?", notification);
    }

    private String status(long delivery) {
        return sql.one("SELECT status FROM delivery WHERE id = ?", row -> row.getString(1), delivery).orElseThrow();
    }

    private int attempts(long delivery) {
        return (int) sql.count("SELECT attempts FROM delivery WHERE id = ?", delivery);
    }

    private String lastError(long delivery) {
        return sql.one("SELECT last_error FROM delivery WHERE id = ?", row -> row.getString(1), delivery).orElse(null);
    }
}
