package dev.podium.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.events.MemberLeft;
import dev.podium.contracts.notifications.MemberUnsubscribed;
import dev.podium.events.event.EventView;
import dev.podium.events.group.GroupView;
import dev.podium.events.group.ImportReport;
import dev.podium.events.registration.RegistrationView;
import dev.podium.persistence.Sql;
import dev.podium.testsupport.KafkaBrokerProcess;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TopicReader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka broker stops for 30 s while organisers and attendees keep working: every API call
 * answers as usual and its messages wait in the outbox; once the broker is back, the relay delivers
 * every one of them to its topic exactly as written, in order per key, and the consumers take up
 * their topics again by themselves.
 *
 * <p>The class runs on a broker of its own in a child JVM ({@link KafkaBrokerProcess}), stopped
 * and started again on the same port and log directory; the broker the other test classes share is
 * not touched. The timings and the health seen during the outage are logged ("KAFKA OUTAGE RESULT"),
 * not asserted, except that liveness never fails.
 */
@MicronautTest(transactional = false)
class KafkaOutageTest implements RealServers {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaOutageTest.class);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int EVENTS = 4;
    private static final int CAPACITY = 6;
    private static final int RSVPS_PER_EVENT = 8;
    private static final int JOINS = 4;
    private static final Set<String> TOPICS = Set.of(Topics.GROUPS, Topics.EVENTS, Topics.REGISTRATIONS);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    MessageCodec codec;

    @Inject
    Sql sql;

    @Inject
    EmbeddedServer server;

    private KafkaBrokerProcess kafka;

    @Override
    public Map<String, String> getProperties() {
        kafka = KafkaBrokerProcess.start(Path.of("target", "kafka-outage-broker.log"));
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        return properties;
    }

    @AfterAll
    void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void organisersKeepWorkingThroughABrokerOutageAndEveryMessageArrivesAfterwards() throws Exception {
        EventsApi api = new EventsApi(http.toBlocking(), codec);
        GroupView group = api.createGroup(EventsApi.unique("outage"), "Europe/Paris");
        String venue = api.createVenue(120).id();
        String leaving = "leaving-" + UUID.randomUUID() + "@example.org";
        importMember(api, group, "Leaving Later", leaving);
        await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(0) == 0);
        long lastSeqBefore = sql.count("SELECT COALESCE(MAX(seq), 0) FROM outbox");
        assertThat(health("/health/readiness")).as("readiness before the outage").isEqualTo(200);

        // --- The outage: the broker stops, organisers and attendees keep working. ---
        long stopping = System.nanoTime();
        kafka.stop();
        long stopped = System.nanoTime();
        LOG.info("Kafka broker stopped in {} ms", millis(stopping, stopped));

        Map<String, Integer> healthSeen = new ConcurrentSkipListMap<>();
        AtomicBoolean outage = new AtomicBoolean(true);
        Thread healthSampler = new Thread(() -> {
            while (outage.get()) {
                sampleHealth(healthSeen, outage);
            }
        }, "health-sampler");
        healthSampler.start();
        long slowestCall = 0;
        int calls = 0;
        List<String> eventIds = new ArrayList<>();
        for (int e = 0; e < EVENTS; e++) {
            int day = 7 + e;
            long t = System.nanoTime();
            EventView draft = api.draft(group.slug(), Map.of("title", "Deep Learning Meetup #" + (13 + e), "number", 13 + e,
                    "startsAt", "2029-03-%02dT19:00:00".formatted(day), "endsAt", "2029-03-%02dT22:00:00".formatted(day),
                    "venueId", venue, "capacity", CAPACITY));
            slowestCall = Math.max(slowestCall, System.nanoTime() - t);
            t = System.nanoTime();
            api.publish(draft.id());
            slowestCall = Math.max(slowestCall, System.nanoTime() - t);
            t = System.nanoTime();
            api.patch(draft.id(), Map.of("startsAt", "2029-03-%02dT20:00:00".formatted(day), "endsAt", "2029-03-%02dT23:00:00".formatted(day)));
            slowestCall = Math.max(slowestCall, System.nanoTime() - t);
            calls += 3;
            List<String> registrations = new ArrayList<>();
            for (int r = 0; r < RSVPS_PER_EVENT; r++) {
                t = System.nanoTime();
                HttpResponse<RegistrationView> rsvp = api.rsvp(draft.id(), "Attendee " + r, "attendee-" + e + "-" + r + "-" + UUID.randomUUID() + "@example.org");
                slowestCall = Math.max(slowestCall, System.nanoTime() - t);
                assertThat(rsvp.code()).as("RSVP answer during the outage").isEqualTo(201);
                registrations.add(rsvp.body().id());
                calls++;
            }
            t = System.nanoTime();
            api.cancelRsvp(draft.id(), registrations.get(0));
            slowestCall = Math.max(slowestCall, System.nanoTime() - t);
            calls++;
            eventIds.add(draft.id());
        }
        for (int j = 0; j < JOINS; j++) {
            long t = System.nanoTime();
            HttpResponse<?> joined = http.toBlocking().exchange(HttpRequest.POST("/groups/" + group.slug() + "/members",
                    Map.of("name", "Member " + j, "email", "member-" + j + "-" + UUID.randomUUID() + "@example.org")));
            slowestCall = Math.max(slowestCall, System.nanoTime() - t);
            assertThat(joined.code()).as("join during the outage").isBetween(200, 299);
            calls++;
        }
        long writesDone = System.nanoTime();

        List<OutboxMessage> written = outboxAfter(lastSeqBefore);
        Map<String, Long> byType = written.stream().collect(Collectors.groupingBy(OutboxMessage::type, TreeMap::new, Collectors.counting()));
        assertThat(byType).as("messages the outage's writes left in the outbox, by type").isEqualTo(Map.of(
                "podium.events.EventCreated", (long) EVENTS,
                "podium.events.EventPublished", (long) EVENTS,
                "podium.events.EventUpdated", (long) EVENTS,
                "podium.events.RegistrationConfirmed", (long) EVENTS * CAPACITY,
                "podium.events.RegistrationWaitlisted", (long) EVENTS * (RSVPS_PER_EVENT - CAPACITY),
                "podium.events.RegistrationCancelled", (long) EVENTS,
                "podium.events.RegistrationPromoted", (long) EVENTS,
                "podium.events.MemberJoined", (long) JOINS));
        assertThat(unpublished(lastSeqBefore)).as("outbox rows waiting for the broker").isEqualTo(written.size());

        // The rest of the outage: the service keeps answering, nothing leaves the outbox.
        Thread.sleep(Math.max(0, (OUTAGE.toNanos() - (System.nanoTime() - stopped)) / 1_000_000));
        outage.set(false);
        assertThat(unpublished(lastSeqBefore)).as("outbox rows still waiting at the end of the outage").isEqualTo(written.size());
        assertThat(api.get(eventIds.get(0)).status()).hasToString("PUBLISHED");

        // --- The broker is back. ---
        long restarting = System.nanoTime();
        kafka.start();
        long ready = System.nanoTime();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> unpublished(lastSeqBefore) == 0);
        long drained = System.nanoTime();
        Map<String, List<ConsumerRecord<String, String>>> delivered = readTopics(written);
        long read = System.nanoTime();
        long healthy = awaitHealthy();
        healthSampler.join();

        // Every message on its topic, as written, in the order it was written per key.
        Map<String, List<ConsumerRecord<String, String>>> byId = new HashMap<>();
        delivered.values().forEach(records -> records.forEach(record -> byId.computeIfAbsent(header(record, "ce_id"),
                id -> new ArrayList<>()).add(record)));
        for (OutboxMessage message : written) {
            List<ConsumerRecord<String, String>> copies = byId.getOrDefault(message.messageId(), List.of());
            assertThat(copies).as("records of %s %s", message.type(), message.messageId()).isNotEmpty();
            ConsumerRecord<String, String> record = copies.get(0);
            assertThat(record.topic()).isEqualTo(message.topic());
            assertThat(record.key()).isEqualTo(message.key());
            assertThat(record.value()).as("payload of %s", message.messageId()).isEqualTo(message.payload());
            assertThat(header(record, "ce_type")).isEqualTo(message.type());
        }
        int duplicates = byId.values().stream().mapToInt(copies -> copies.size() - 1).sum();
        Map<String, List<String>> writtenOrder = new LinkedHashMap<>();
        written.forEach(message -> writtenOrder.computeIfAbsent(message.topic() + "/" + message.key(), k -> new ArrayList<>())
                .add(message.messageId()));
        Map<String, List<String>> deliveredOrder = new LinkedHashMap<>();
        delivered.values().forEach(records -> records.forEach(record -> {
            List<String> order = deliveredOrder.computeIfAbsent(record.topic() + "/" + record.key(), k -> new ArrayList<>());
            if (!order.contains(header(record, "ce_id"))) {
                order.add(header(record, "ce_id"));
            }
        }));
        Map<String, String> outOfOrder = new TreeMap<>();
        writtenOrder.forEach((key, ids) -> {
            List<String> seen = deliveredOrder.getOrDefault(key, List.of());
            if (!seen.equals(ids)) {
                outOfOrder.put(key, "written " + ids + ", first copies on the topic " + seen);
            }
        });
        assertThat(outOfOrder).as("topic/key whose messages did not arrive in the order written").isEmpty();

        // The consumers take up their topics again: an opt-out from notifications-service ends the
        // membership, and the MemberLeft it causes goes out through the relay.
        long optingOut = System.nanoTime();
        MemberUnsubscribed optOut = new MemberUnsubscribed(UUID.randomUUID().toString(), group.id(), leaving, Instant.now());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS, optOut.subject(),
                    codec.encode(optOut, "/podium/notifications-service", UUID.randomUUID(), Instant.now()))).get();
        }
        List<MemberLeft> left;
        try (TopicReader reader = TopicReader.fromBeginning(Topics.GROUPS, kafka.bootstrapServers())) {
            left = reader.await(record -> "podium.events.MemberLeft".equals(header(record, "ce_type"))
                                    && record.value().contains(leaving), 1, Duration.ofSeconds(60)).stream()
                    .map(record -> codec.decode(record.value()).dataAs(MemberLeft.class)).toList();
        }
        long optedOut = System.nanoTime();
        assertThat(left).as("MemberLeft after the opt-out consumed after the outage").hasSize(1)
                .allSatisfy(message -> assertThat(message.email()).isEqualTo(leaving));

        LOG.info("KAFKA OUTAGE RESULT: broker down {} s; {} API writes during the outage, all answered 2xx, slowest {} ms; "
                        + "{} messages waited in the outbox; broker restart (process launch) to ready {} ms; "
                        + "ready to outbox drained {} ms (restart to last message delivered: {} ms); all on the topics {} ms after restart; "
                        + "duplicates on the topics {}; /health UP again {} ms after restart; health seen during the outage "
                        + "(endpoint → HTTP status): {}; opt-out consumed and its MemberLeft published {} ms after it was sent",
                String.format("%.1f", (restarting - stopped) / 1e9), calls, slowestCall / 1_000_000, written.size(),
                millis(restarting, ready), millis(ready, drained), millis(restarting, drained), millis(restarting, read),
                duplicates, millis(restarting, healthy), healthSeen, millis(optingOut, optedOut));
        LOG.info("Writes during the outage took {} ms", millis(stopped, writesDone));

        assertThat(healthSeen.keySet().stream().filter(key -> key.matches("/health/liveness \\d+")))
                .as("liveness answers during the outage").containsExactly("/health/liveness 200");
    }

    private void importMember(EventsApi api, GroupView group, String name, String email) {
        ImportReport report = http.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/groups/" + group.slug() + "/members/import",
                name + "," + email).contentType("text/csv")), ImportReport.class);
        assertThat(report.imported()).isEqualTo(1);
    }

    /** Reads the three topics until every written message is there, and returns their records in offset order by topic. */
    private Map<String, List<ConsumerRecord<String, String>>> readTopics(List<OutboxMessage> written) {
        Map<String, List<ConsumerRecord<String, String>>> delivered = new TreeMap<>();
        for (String topic : TOPICS) {
            Set<String> ids = written.stream().filter(m -> m.topic().equals(topic)).map(OutboxMessage::messageId).collect(Collectors.toSet());
            try (TopicReader reader = TopicReader.fromBeginning(topic, kafka.bootstrapServers())) {
                List<ConsumerRecord<String, String>> records = reader.await(record -> ids.contains(header(record, "ce_id")),
                        ids.size(), Duration.ofSeconds(60));
                // Records of one key share a partition: sorting by partition and offset keeps each key's order.
                delivered.put(topic, records.stream()
                        .sorted((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                                : Long.compare(a.offset(), b.offset()))
                        .toList());
            }
        }
        return delivered;
    }

    private record OutboxMessage(long seq, String messageId, String topic, String key, String type, String payload) {
    }

    private List<OutboxMessage> outboxAfter(long seq) {
        return sql.list("SELECT seq, message_id, topic, message_key, type, payload FROM outbox WHERE seq > ? ORDER BY seq",
                row -> new OutboxMessage(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getString(6)), seq);
    }

    private long unpublished(long afterSeq) {
        return sql.count("SELECT COUNT(*) FROM outbox WHERE seq > ? AND published_at IS NULL", afterSeq);
    }

    /**
     * Counts each health endpoint's answers by status, and keeps the slowest answer of each (key
     * "… slowest ms"), for the answers that came while the broker was down.
     */
    private void sampleHealth(Map<String, Integer> seen, AtomicBoolean outage) {
        for (String endpoint : List.of("/health/liveness", "/health/readiness", "/health")) {
            long asked = System.nanoTime();
            int status = health(endpoint);
            if (!outage.get()) {
                return;
            }
            seen.merge(endpoint + " " + status, 1, Integer::sum);
            seen.merge(endpoint + " slowest ms", (int) millis(asked, System.nanoTime()), Math::max);
        }
    }

    private long awaitHealthy() {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> health("/health") == 200);
        return System.nanoTime();
    }

    /** The status of a health endpoint (200 UP, 503 DOWN). */
    private int health(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.getPort() + path)).timeout(Duration.ofSeconds(15)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}
