package dev.podium.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.messaging.PodiumProducer;
import dev.podium.messaging.Samples;
import dev.podium.testsupport.KafkaBrokerProcess;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TopicReader;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The broker stops answering (frozen, as in a long pause or a network partition) for longer than
 * the producer's delivery timeout used to be, while one aggregate keeps changing: once it answers
 * again, the aggregate's messages arrive complete and in order, and the producer gave up on none of
 * the records it had accepted (a batch it gave up on is how a later message overtook an earlier
 * one, see {@link PodiumProducer}).
 *
 * <p>Runs on a broker of its own in a child JVM.
 */
@MicronautTest(transactional = false)
class OutboxRelayOutageTest implements RealServers {

    /** Longer than the 15 s delivery timeout the producer had when it could drop a batch. */
    private static final Duration FREEZE = Duration.ofSeconds(20);
    private static final int CHANGES = 30;

    @Inject
    Outbox outbox;
    @Inject
    PodiumProducer producer;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    JdbcOperations jdbc;
    @Inject
    MessageCodec codec;

    private KafkaBrokerProcess kafka;

    @Override
    public Map<String, String> getProperties() {
        kafka = KafkaBrokerProcess.start(Path.of("target", "outbox-outage-broker.log"));
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        properties.put("podium.outbox.acknowledgement-timeout", "2s");
        return properties;
    }

    @AfterAll
    void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void anAggregatesMessagesWrittenWhileTheBrokerIsFrozenArriveCompleteAndInOrder() throws Exception {
        String groupId = UUID.randomUUID().toString();
        UUID before = transactions.executeWrite(status -> outbox.append(Samples.groupCreated(groupId)));
        await().atMost(Duration.ofSeconds(30)).until(() -> isPublished(before));

        kafka.freeze();
        long stopped = System.nanoTime();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < CHANGES; i++) {
            GroupCreated change = new GroupCreated(groupId, "slug-" + i, "Group renamed " + i, null, "Europe/Paris", "fr",
                    List.of(), Instant.parse("2027-01-10T09:00:00Z"));
            written.add(transactions.executeWrite(status -> outbox.append(change)).toString());
        }
        Thread.sleep(Math.max(0, (FREEZE.toNanos() - (System.nanoTime() - stopped)) / 1_000_000));
        assertThat(IntStream.range(0, CHANGES).filter(i -> isPublished(UUID.fromString(written.get(i)))).count())
                .as("changes published while the broker was frozen").isZero();

        kafka.thaw();
        await().atMost(Duration.ofMinutes(2)).until(() -> written.stream().allMatch(id -> isPublished(UUID.fromString(id))));

        List<String> firstCopies = new ArrayList<>();
        try (TopicReader reader = TopicReader.fromBeginning(Topics.GROUPS, kafka.bootstrapServers())) {
            for (ConsumerRecord<String, String> record : reader.drain(r -> groupId.equals(r.key()), Duration.ofSeconds(3))) {
                String id = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                if (!firstCopies.contains(id)) {
                    firstCopies.add(id);
                }
            }
        }
        List<String> expected = new ArrayList<>(List.of(before.toString()));
        expected.addAll(written);
        assertThat(firstCopies).as("the aggregate's messages on the topic, first copy of each").isEqualTo(expected);
        assertThat(producerMetric("record-error-total")).as("records the producer gave up on").isZero();
    }

    private double producerMetric(String name) {
        return producer.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().group().equals("producer-metrics") && metric.getKey().name().equals(name))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                .findFirst().orElseThrow();
    }

    private boolean isPublished(UUID id) {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT published_at IS NOT NULL FROM outbox WHERE message_id = ?", statement -> {
                    statement.setString(1, id.toString());
                    try (ResultSet result = statement.executeQuery()) {
                        return result.next() && result.getBoolean(1);
                    }
                }));
    }
}
