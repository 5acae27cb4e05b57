package dev.podium.notifications.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.api.PageView;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.notification.DeliveryStatus;
import dev.podium.notifications.notification.NotificationKind;
import dev.podium.notifications.notification.NotificationViews.NotificationView;
import dev.podium.testsupport.FreePort;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.Tokens;
import dev.podium.testsupport.TopicWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An announcement to 500 members while the SMTP server goes away for 60 s (the outage) and a
 * new one comes up on the same port: every member must end up with exactly one copy, and every
 * delivery SENT, none DEAD.
 *
 * <p>The class has an SMTP server of its own (stopping the shared one would break every other test
 * class of the JVM) on a fixed port, and the service's own delivery settings (retry delay, its cap,
 * attempts): what is measured is what a deployment does. How long after the new server started the
 * first and the last copy arrived is logged ("SMTP OUTAGE RESULT"), not asserted.
 */
@MicronautTest(transactional = false)
class SmtpOutageTest implements RealServers {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpOutageTest.class);
    private static final int MEMBERS = 500;
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    @Inject
    MessageCodec codec;

    @Inject
    Audience audience;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    MeterRegistry meters;

    private final int smtpPort = FreePort.find();
    private final Identity organiser = Fixtures.person("orla");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** Member address → Message-IDs of the copies the SMTP servers accepted. */
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final AtomicInteger receivedTotal = new AtomicInteger();
    private final AtomicLong firstOnSecondServer = new AtomicLong();
    private volatile MailTestServer smtp;
    private volatile boolean secondServer;
    /** Set while the first server is going down: arriving messages are held, then refused. */
    private volatile CountDownLatch goingDown;

    @Override
    public Map<String, String> getProperties() {
        smtp = MailTestServer.smtpOnly(smtpPort);
        smtp.onDelivery(this::accept);
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.smtp.host", smtp.host());
        properties.put("podium.smtp.port", String.valueOf(smtpPort));
        return properties;
    }

    @AfterAll
    void stopSmtp() {
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void everyMemberGetsExactlyOneCopyAcrossAnSmtpOutage() throws Exception {
        String groupId = UUID.randomUUID().toString();
        List<String> members = new ArrayList<>(MEMBERS);
        for (int i = 0; i < MEMBERS; i++) {
            members.add(String.format("outage-%s-%04d@example.org", run, i));
        }
        List<PodiumMessage> audienceMessages = new ArrayList<>(MEMBERS + 1);
        audienceMessages.add(Fixtures.group(groupId, "fr", organiser));
        members.forEach(member -> audienceMessages.add(Fixtures.member(groupId, member, true)));
        long publishing = System.nanoTime();
        TopicWriter.publishAll(codec, audienceMessages);
        LOG.info("Published the group and {} confirmed members in {} ms", MEMBERS, millisSince(publishing));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> audience.members(groupId).size() == MEMBERS);
        LOG.info("Read model has {} members {} ms after publishing", MEMBERS, millisSince(publishing));

        EventSnapshot event = Fixtures.meetup13(UUID.randomUUID().toString(), groupId,
                List.of(Fixtures.address("olivier"), Fixtures.address("arthur"), Fixtures.address("diogo")));
        long announcing = System.nanoTime();
        TopicWriter.publish(codec, new EventPublished(event, Instant.now()));

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(10))
                .until(() -> receivedTotal.get() >= MEMBERS * 3 / 10);
        long outageStart = System.nanoTime();
        int beforeOutage = stopCleanly(smtp);
        LOG.info("SMTP server stopped after {} announcements, {} ms after EventPublished", beforeOutage, millisSince(announcing));
        // The outage: nothing listens on the port (staging the fault, not waiting for a result).
        Thread.sleep(OUTAGE.toMillis());
        secondServer = true;
        smtp = MailTestServer.smtpOnly(smtpPort);
        smtp.onDelivery(this::accept);
        long restarted = System.nanoTime();
        LOG.info("New SMTP server on port {} after {} ms without one", smtpPort, millisSince(outageStart));

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> members.stream().allMatch(received::containsKey));
        long allReceived = System.nanoTime();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> announcement(event.eventId()).deliveries().get(DeliveryStatus.SENT) == MEMBERS);
        int total = receivedTotal.get();
        await().alias("no further announcement arrives once every delivery is SENT")
                .during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> receivedTotal.get() == total);

        double seconds = (allReceived - announcing) / 1e9;
        double outageSeconds = (restarted - outageStart) / 1e9;
        LOG.info("SMTP OUTAGE RESULT: {} announcements in {} s from EventPublished to the last copy: {} emails/s overall, "
                        + "{} emails/s leaving out the {} s without a server; {} copies reached the first server, {} the second; "
                        + "the first reached the new server {} ms after it started, the last {} ms after it started; "
                        + "{} failed attempts retried",
                MEMBERS, String.format("%.1f", seconds), String.format("%.0f", MEMBERS / seconds),
                String.format("%.0f", MEMBERS / (seconds - outageSeconds)), String.format("%.1f", outageSeconds),
                beforeOutage, receivedTotal.get() - beforeOutage, (firstOnSecondServer.get() - restarted) / 1_000_000,
                (allReceived - restarted) / 1_000_000,
                String.format("%.0f", meters.counter("podium.mail.deliveries", "outcome", "retried").count()));

        Map<String, List<String>> notOnce = new TreeMap<>();
        for (String member : members) {
            List<String> copies = received.getOrDefault(member, List.of());
            if (copies.size() != 1) {
                notOnce.put(member, copies);
            }
        }
        assertThat(notOnce).as("members without exactly one copy (address → Message-IDs received)").isEmpty();
        assertThat(receivedTotal.get()).as("announcements accepted by the two servers").isEqualTo(MEMBERS);

        NotificationView view = announcement(event.eventId());
        assertThat(view.deliveries()).as("the announcement's deliveries by status, from the API")
                .containsEntry(DeliveryStatus.SENT, (long) MEMBERS)
                .containsEntry(DeliveryStatus.PENDING, 0L)
                .containsEntry(DeliveryStatus.SENDING, 0L)
                .containsEntry(DeliveryStatus.DEAD, 0L)
                .containsEntry(DeliveryStatus.FAILED, 0L);
    }

    /**
     * Records each announcement to a member of this run as the server accepts it (speakers' mail is
     * left out). Counting as messages arrive adds up the copies of both servers, the first of which
     * is gone, store and all, by the end.
     */
    private void accept(String recipient, MimeMessage message) throws MessagingException {
        CountDownLatch down = goingDown;
        if (down != null && !secondServer) {
            try {
                down.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new MessagingException("held while the server went down");
        }
        if (recipient.startsWith("outage-" + run + "-")) {
            received.computeIfAbsent(recipient, key -> new CopyOnWriteArrayList<>()).add(message.getMessageID());
            receivedTotal.incrementAndGet();
            if (secondServer) {
                firstOnSecondServer.compareAndSet(0, System.nanoTime());
            }
        }
    }

    /**
     * Stops the first server at a clean point and returns how many announcements it accepted.
     *
     * <p>Stopping GreenMail at an arbitrary instant could cut a send inside SMTP's own window
     * (RFC 1047): the server has stored the message, but the client has not read the "250 OK" yet,
     * so it rightly sends the message again and the member gets two copies through no fault of the
     * service. So from now on arriving messages are held before they are stored; those stored
     * already get a moment to have their "250 OK" read; then the server stops, which closes every
     * connection: the held sends fail at the connection level as in any outage, and nothing they
     * carried is stored.
     */
    private int stopCleanly(MailTestServer server) throws InterruptedException {
        CountDownLatch down = new CountDownLatch(1);
        goingDown = down;
        Thread.sleep(300);
        int accepted = receivedTotal.get();
        long stored = Arrays.stream(server.greenMail().getReceivedMessages())
                .filter(message -> addressedToRunMember(message)).count();
        assertThat(stored).as("announcements in the first server's store when it stops").isEqualTo(accepted);
        server.close();
        down.countDown();
        return accepted;
    }

    private boolean addressedToRunMember(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().contains("outage-" + run + "-"));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private NotificationView announcement(String eventId) {
        PageView<?> page = http.toBlocking().retrieve(
                Tokens.as(organiser, HttpRequest.GET("/notifications?eventId=" + eventId + "&type=" + NotificationKind.ANNOUNCEMENT)),
                Argument.of(PageView.class, NotificationView.class));
        assertThat(page.items()).hasSize(1);
        return (NotificationView) page.items().get(0);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
