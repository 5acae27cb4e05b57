package dev.podium.notifications.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.persistence.Sql;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.delivery.ClaimedDelivery;
import dev.podium.notifications.delivery.DeliveryFailure;
import dev.podium.notifications.delivery.DeliveryQueue;
import dev.podium.notifications.notification.NotificationStore;
import dev.podium.notifications.notification.StoredNotification;
import dev.podium.testsupport.RealServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The SMTP channel's side of a refusal for good (GreenMail cannot answer 5xx, so the refusal is
 * recorded here as the loop records it): the delivery fails and the address is suppressed for every
 * later send, in one transaction.
 */
@MicronautTest(transactional = false)
class SmtpChannelTest implements RealServers {

    @Inject
    SmtpChannel channel;

    @Inject
    DeliveryQueue queue;

    @Inject
    NotificationStore notifications;

    @Inject
    Audience audience;

    @Inject
    Sql sql;

    @Test
    void anAddressRefusedForGoodIsSkippedByEveryLaterSend() {
        String address = Fixtures.address("bounced");
        ClaimedDelivery refused = sendingDelivery(address);
        String reply = "550 5.1.1 <" + address + ">: user unknown";

        queue.failed(refused, reply, () -> channel.refusedForGood(refused, reply));

        assertThat(sql.one("SELECT status FROM delivery WHERE id = ?", row -> row.getString(1), refused.id())).contains("FAILED");
        assertThat(audience.isSuppressed(address)).isTrue();
        ClaimedDelivery later = sendingDelivery(address);
        StoredNotification notification = notifications.find(later.notificationId()).orElseThrow();
        assertThat(channel.reasonsToSkip(List.of(later))).containsEntry(later.id(), SkipReasons.SUPPRESSED);
        assertThat(channel.reasonToSkip(notification, later)).contains(SkipReasons.SUPPRESSED);
    }

    @Test
    void onlyMailFailuresAreTheChannels() {
        assertThat(channel.classify(new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"))))
                .map(DeliveryFailure::kind).contains(DeliveryFailure.Kind.CHANNEL_UNREACHABLE);
        assertThat(channel.classify(new IllegalStateException("a template that cannot be rendered"))).isEmpty();
    }

    /** A delivery held by a sender (its lease far ahead), so the running loop leaves it alone. */
    private ClaimedDelivery sendingDelivery(String address) {
        String notification = UUID.randomUUID().toString();
        Instant now = Instant.now();
        sql.update("""
                INSERT INTO notification (id, trigger_key, kind, event_id, group_id, language, subject, model, bulk, calendar, created_at)
                VALUES (?, ?, 'ANNOUNCEMENT', NULL, NULL, 'en', 'Meetup', '{}', FALSE, NULL, ?)""",
                notification, "test:" + notification, now);
        sql.update("""
                INSERT INTO delivery (notification_id, email, name, status, attempts, next_attempt_at, lease_until, updated_at)
                VALUES (?, ?, 'Ada', 'SENDING', 1, ?, ?, ?)""", notification, address, now, now.plusSeconds(3600), now);
        long id = sql.count("SELECT id FROM delivery WHERE notification_id = ?", notification);
        return new ClaimedDelivery(id, notification, address, "Ada", null, null, null, 1);
    }
}
