package dev.podium.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.NotificationsApplication;
import dev.podium.testsupport.FreePort;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.ServiceProcess;
import dev.podium.testsupport.TestDatabase;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.Tokens;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.json.JsonMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * notifications-service, in a JVM of its own, is killed with SIGKILL in the middle of an
 * announcement to 2,000 members and started again: nobody may miss the announcement, and only the
 * sends that were in flight at the kill may arrive twice.
 *
 * <p>No application context runs in this test's JVM: the child process runs Flyway on its database
 * when it starts. The kill point is random; rerun one with {@code -Dpodium.test.crash.seed=<seed>}
 * (the seed is logged).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashDuringAnnouncementTest {

    private static final Logger LOG = LoggerFactory.getLogger(CrashDuringAnnouncementTest.class);
    private static final int MEMBERS = 2_000;
    /** podium.mail.parallelism, set explicitly below so the bound on duplicates cannot drift from it. */
    private static final int PARALLELISM = 8;

    private final MessageCodec codec = new MessageCodec(JsonMapper.createDefault());
    private final MailTestServer mail = TestServers.mail();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** Member address → Message-IDs of the copies the SMTP server accepted. */
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final AtomicInteger receivedTotal = new AtomicInteger();
    private final CountDownLatch killPointReached = new CountDownLatch(1);
    private volatile int killAt = Integer.MAX_VALUE;
    private final Identity organiser = Fixtures.person("orla");
    private final int port = FreePort.find();
    private TestDatabase database;
    private ServiceProcess service;
    private AutoCloseable listening;

    @BeforeAll
    void startService() {
        database = TestServers.mysql().createDatabase("crash");
        String consumerGroup = database.name();
        TestServers.kafka().startConsumerGroupAtEnd(consumerGroup);
        listening = mail.onDelivery(this::accept);
        service = ServiceProcess.start(NotificationsApplication.class.getName(), Map.ofEntries(
                        Map.entry("DB_URL", database.jdbcUrl()),
                        Map.entry("DB_USERNAME", database.username()),
                        Map.entry("DB_PASSWORD", database.password()),
                        Map.entry("KAFKA_BOOTSTRAP_SERVERS", TestServers.kafka().bootstrapServers()),
                        Map.entry("KAFKA_CONSUMER_GROUP", consumerGroup),
                        Map.entry("SMTP_HOST", mail.host()),
                        Map.entry("SMTP_PORT", String.valueOf(mail.smtpPort())),
                        Map.entry("AUTH_JWKS_URL", TestServers.issuer().jwksUrl()),
                        Map.entry("AUTH_ISSUER", TestServers.issuer().issuer().issuerUrl()),
                        Map.entry("MAIL_PARALLELISM", String.valueOf(PARALLELISM)),
                        // Claims of the killed process are retaken 5 s after they were made, not 60 s.
                        Map.entry("MAIL_LEASE", "5s")),
                Map.of(), Path.of("target", "crash-during-announcement-" + run + ".log"), port);
        service.awaitHealthy(Duration.ofMinutes(2));
    }

    @AfterAll
    void stopService() throws Exception {
        if (service != null) {
            service.kill();
        }
        if (listening != null) {
            listening.close();
        }
    }

    @Test
    void nobodyMissesTheAnnouncementAndOnlySendsInFlightAtTheKillArriveTwice() throws Exception {
        long seed = Long.getLong("podium.test.crash.seed", System.currentTimeMillis());
        Random random = new Random(seed);
        killAt = MEMBERS / 5 + random.nextInt(MEMBERS * 3 / 5 + 1);
        LOG.info("Seed {}: the service is killed once {} of {} announcements have arrived", seed, killAt, MEMBERS);

        String groupId = UUID.randomUUID().toString();
        List<String> members = new ArrayList<>(MEMBERS);
        for (int i = 0; i < MEMBERS; i++) {
            members.add(String.format("crash-%s-%04d@example.org", run, i));
        }
        List<PodiumMessage> audience = new ArrayList<>(MEMBERS + 1);
        audience.add(Fixtures.group(groupId, "fr", organiser));
        members.forEach(member -> audience.add(Fixtures.member(groupId, member, true)));
        TopicWriter.publishAll(codec, audience);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("SELECT COUNT(*) FROM group_member WHERE group_id = ? AND confirmed", groupId) == MEMBERS);

        EventSnapshot event = Fixtures.meetup13(UUID.randomUUID().toString(), groupId,
                List.of(Fixtures.address("olivier"), Fixtures.address("arthur"), Fixtures.address("diogo")));
        long announcing = System.nanoTime();
        TopicWriter.publish(codec, new EventPublished(event, Instant.now()));

        assertThat(killPointReached.await(3, TimeUnit.MINUTES)).as("%d announcements arrived", killAt).isTrue();
        service.kill();
        int atKill = receivedTotal.get();
        long killed = System.nanoTime();
        service.start();
        service.awaitHealthy(Duration.ofMinutes(2));

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> members.stream().allMatch(received::containsKey));
        long allReceived = System.nanoTime();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT COUNT(*) FROM delivery d JOIN notification n ON n.id = d.notification_id "
                        + "WHERE n.event_id = ? AND n.kind = 'ANNOUNCEMENT' AND d.status = 'SENT'", event.eventId()) == MEMBERS);
        int total = receivedTotal.get();
        await().alias("no further announcement arrives once every delivery is SENT")
                .during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> receivedTotal.get() == total);

        List<String> missing = members.stream().filter(member -> !received.containsKey(member)).toList();
        Map<String, List<String>> repeated = new TreeMap<>();
        int duplicates = 0;
        for (String member : members) {
            List<String> copies = received.getOrDefault(member, List.of());
            if (copies.size() > 1) {
                repeated.put(member, copies);
                duplicates += copies.size() - 1;
            }
        }
        LOG.info("CRASH RESULT: seed {}, killed at {} announcements received ({} by the time the process was gone); "
                        + "{} duplicates {}; all {} received {} s after EventPublished, {} s after the restart",
                seed, killAt, atKill, duplicates, repeated, MEMBERS, String.format("%.1f", (allReceived - announcing) / 1e9),
                String.format("%.1f", (allReceived - killed) / 1e9));

        assertThat(missing).as("members without the announcement").isEmpty();
        // A delivery is marked SENT right after the SMTP server accepted it, on the sender that sent
        // it. Only a send the server had accepted but whose SENT was not written yet when the
        // process died can go out again (its lease expires and it is claimed anew); each of the
        // PARALLELISM senders has at most one such send, so at most PARALLELISM copies repeat.
        assertThat(duplicates).as("copies beyond the first (member → Message-IDs: %s)", repeated).isLessThanOrEqualTo(PARALLELISM);
        assertThat(repeated.values()).as("a repeated copy carries the Message-ID of the first, so it is recognisable")
                .allMatch(copies -> copies.stream().distinct().count() == 1);
        assertThat(getAsOrganiser("/notifications?eventId=" + event.eventId() + "&type=ANNOUNCEMENT"))
                .as("the notifications API").contains("\"SENT\":" + MEMBERS);
    }

    /** Records each announcement to a member of this run as the server accepts it; speakers' mail is left out. */
    private void accept(String recipient, MimeMessage message) throws MessagingException {
        if (recipient.startsWith("crash-" + run + "-")) {
            received.computeIfAbsent(recipient, key -> new CopyOnWriteArrayList<>()).add(message.getMessageID());
            if (receivedTotal.incrementAndGet() == killAt) {
                killPointReached.countDown();
            }
        }
    }

    private String getAsOrganiser(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + Tokens.of(organiser))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private long count(String query, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
