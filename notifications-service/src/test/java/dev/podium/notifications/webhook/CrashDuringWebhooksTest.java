package dev.podium.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationSnapshot;
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
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The email kill test's twin for webhooks: notifications-service, in a JVM of its own, is killed with
 * SIGKILL while 500 webhooks (RSVPs to 100 events) are being delivered to a receiver in the test, then
 * started again: every RSVP reaches the receiver, and only the sends in flight at the kill arrive
 * twice, each repeat with the webhook-id of the first. The kill point is random; rerun one with
 * {@code -Dpodium.test.crash.seed=<seed>}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashDuringWebhooksTest {

    private static final Logger LOG = LoggerFactory.getLogger(CrashDuringWebhooksTest.class);
    private static final int EVENTS = 100;
    private static final int RSVPS_PER_EVENT = 5;
    private static final int WEBHOOKS = EVENTS * RSVPS_PER_EVENT;
    /** podium.webhooks.parallelism, set explicitly below so the bound on duplicates cannot drift from it. */
    private static final int PARALLELISM = 8;
    private static final Pattern REGISTRATION_ID = Pattern.compile("\"registrationId\":\"([^\"]+)\"");

    private final MessageCodec codec = new MessageCodec(JsonMapper.createDefault());
    private final MailTestServer mail = TestServers.mail();
    /** Registration id → the webhook-ids of the copies the receiver got. */
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final AtomicInteger receivedTotal = new AtomicInteger();
    private final CountDownLatch killPointReached = new CountDownLatch(1);
    private volatile int killAt = Integer.MAX_VALUE;
    private final Identity organiser = Fixtures.person("orla");
    private final int port = FreePort.find();
    private TestDatabase database;
    private ServiceProcess service;
    private HttpServer receiver;

    @BeforeAll
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher registration = REGISTRATION_ID.matcher(body);
            if (registration.find()) {
                received.computeIfAbsent(registration.group(1), key -> new CopyOnWriteArrayList<>())
                        .add(exchange.getRequestHeaders().getFirst("webhook-id"));
                if (receivedTotal.incrementAndGet() == killAt) {
                    killPointReached.countDown();
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        database = TestServers.mysql().createDatabase("webhookcrash");
        String consumerGroup = database.name();
        TestServers.kafka().startConsumerGroupAtEnd(consumerGroup);
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
                        Map.entry("WEBHOOK_PARALLELISM", String.valueOf(PARALLELISM)),
                        Map.entry("WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/8"),
                        Map.entry("WEBHOOK_RETRY_DELAY", "200ms"),
                        // Claims of the killed process are retaken 5 s after they were made, not 60 s.
                        Map.entry("WEBHOOK_LEASE", "5s")),
                Map.of(), Path.of("target", "crash-during-webhooks-" + consumerGroup + ".log"), port);
        service.awaitHealthy(Duration.ofMinutes(2));
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.kill();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void noWebhookIsLostAndOnlySendsInFlightAtTheKillArriveTwiceWithTheirWebhookId() throws Exception {
        long seed = Long.getLong("podium.test.crash.seed", System.currentTimeMillis());
        Random random = new Random(seed);
        killAt = WEBHOOKS / 5 + random.nextInt(WEBHOOKS * 3 / 5 + 1);
        LOG.info("Seed {}: the service is killed once {} of {} webhooks have arrived", seed, killAt, WEBHOOKS);

        String groupId = UUID.randomUUID().toString();
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", organiser));
        String slug = Fixtures.group(groupId, "en", organiser).slug();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT COUNT(*) FROM group_organiser WHERE group_id = ?", groupId) == 1);
        int registered = post("/groups/" + slug + "/webhooks", "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hook\",\"types\":[\"registration.confirmed\"]}");
        assertThat(registered).isEqualTo(201);

        List<PodiumMessage> rsvps = new ArrayList<>(WEBHOOKS);
        List<String> registrations = new ArrayList<>(WEBHOOKS);
        for (int e = 0; e < EVENTS; e++) {
            EventSnapshot event = Fixtures.meetup13(UUID.randomUUID().toString(), groupId,
                    List.of(Fixtures.address("s1"), Fixtures.address("s2"), Fixtures.address("s3")));
            for (int r = 0; r < RSVPS_PER_EVENT; r++) {
                RegistrationSnapshot registration = WebhookTestSupport.registration(event, Fixtures.address("rsvp"), "CONFIRMED");
                registrations.add(registration.registrationId());
                rsvps.add(new RegistrationConfirmed(registration, WebhookTestSupport.ref(event)));
            }
        }
        TopicWriter.publishAll(codec, rsvps);

        assertThat(killPointReached.await(3, TimeUnit.MINUTES)).as("%d webhooks arrived", killAt).isTrue();
        service.kill();
        int atKill = receivedTotal.get();
        service.start();
        service.awaitHealthy(Duration.ofMinutes(2));

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> registrations.stream().allMatch(received::containsKey));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT COUNT(*) FROM webhook_delivery WHERE status = ?", "SENT") == WEBHOOKS);
        int total = receivedTotal.get();
        await().alias("no further webhook arrives once every delivery is SENT")
                .during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> receivedTotal.get() == total);

        Map<String, List<String>> repeated = new TreeMap<>();
        int duplicates = 0;
        for (String registration : registrations) {
            List<String> copies = received.getOrDefault(registration, List.of());
            if (copies.size() > 1) {
                repeated.put(registration, copies);
                duplicates += copies.size() - 1;
            }
        }
        LOG.info("CRASH RESULT: seed {}, killed at {} webhooks received ({} by the time the process was gone); {} duplicates {}",
                seed, killAt, atKill, duplicates, repeated);
        assertThat(registrations).as("RSVPs whose webhook never arrived").allMatch(received::containsKey);
        assertThat(duplicates).as("copies beyond the first (registration → webhook-ids: %s)", repeated).isLessThanOrEqualTo(PARALLELISM);
        assertThat(repeated.values()).as("a repeated copy carries the webhook-id of the first").allMatch(copies ->
                copies.stream().distinct().count() == 1);
    }

    private int post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + Tokens.of(organiser))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
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
