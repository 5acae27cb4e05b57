package dev.podium.notifications.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.Causality;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.StreamVersion;
import dev.podium.contracts.Streams;
import dev.podium.contracts.Topics;
import dev.podium.messaging.causality.Watermarks;
import dev.podium.messaging.inbox.InboxConsumer;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.notifications.Fixtures;
import dev.podium.persistence.Sql;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not part of the suite (its name is not a test's, so surefire runs it only when named:
 * {@code -Dtest=MemberImportThroughput}): how fast the groups consumer applies a group's imported
 * members, one transaction per record ({@link InboxConsumer#receive}) against one per poll of 500
 * ({@link InboxConsumer#receiveAll}), on the same servers in the same run. Prints the figures; asserts
 * only that every member took effect. Kafka's own fetching is left out: both paths read the same records.
 */
@MicronautTest(transactional = false)
class MemberImportThroughput implements RealServers {

    private static final int MEMBERS = Integer.getInteger("podium.measure.members", 20_000);
    private static final int POLL = 500;

    @Inject
    MessageInbox inbox;
    @Inject
    MessageCodec codec;
    @Inject
    Watermarks watermarks;
    @Inject
    Sql sql;

    @Test
    void recordByRecordThenPollByPoll() {
        InboxConsumer groups = inbox.declared(ConsumerNames.GROUPS).orElseThrow();
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "measure-" + UUID.randomUUID()), new StringDeserializer(), new StringDeserializer())) {
            List<ConsumerRecord<String, String>> oneByOne = importOf(UUID.randomUUID().toString());
            long started = System.nanoTime();
            oneByOne.forEach(groups::receive);
            report("record by record", oneByOne, System.nanoTime() - started);

            List<ConsumerRecord<String, String>> byPoll = importOf(UUID.randomUUID().toString());
            started = System.nanoTime();
            for (int from = 0; from < byPoll.size(); from += POLL) {
                groups.receiveAll(byPoll.subList(from, Math.min(byPoll.size(), from + POLL)), kafka);
            }
            report("poll by poll (" + POLL + ")", byPoll, System.nanoTime() - started);
        }
    }

    private void report(String mode, List<ConsumerRecord<String, String>> records, long nanos) {
        String groupId = records.get(0).key();
        assertThat(watermarks.known(Streams.groupMembers(groupId))).isEqualTo(MEMBERS);
        assertThat(sql.count("SELECT COUNT(*) FROM group_member WHERE group_id = ?", groupId)).isEqualTo(MEMBERS);
        double seconds = nanos / 1e9;
        System.out.printf("[measure] %s: %,d MemberJoined applied in %.2f s = %,.0f messages/s%n", mode, MEMBERS, seconds,
                MEMBERS / seconds);
    }

    /** The group's creation, then its imported members, as events-service's outbox writes them. */
    private List<ConsumerRecord<String, String>> importOf(String groupId) {
        String stream = Streams.groupMembers(groupId);
        List<ConsumerRecord<String, String>> records = new ArrayList<>(MEMBERS + 1);
        records.add(record(groupId, codec.encode(Fixtures.group(groupId, "en", "orla@example.org"), "/podium/events-service",
                UUID.randomUUID(), Instant.now()), 0));
        for (int i = 1; i <= MEMBERS; i++) {
            String payload = codec.encode(Fixtures.imported(groupId, "member-" + i + "-" + groupId.substring(0, 8) + "@example.org",
                    "Orla Organiser"), "/podium/events-service", UUID.randomUUID(), Instant.now(),
                    Causality.advancing(new StreamVersion(stream, i)));
            records.add(record(groupId, payload, i));
        }
        return records;
    }

    private static ConsumerRecord<String, String> record(String groupId, String payload, long offset) {
        return new ConsumerRecord<>(Topics.GROUPS, 0, offset, groupId, payload);
    }
}
