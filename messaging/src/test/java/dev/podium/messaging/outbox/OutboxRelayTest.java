package dev.podium.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.messaging.Samples;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TopicReader;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class OutboxRelayTest implements RealServers {

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    JdbcOperations jdbc;
    @Inject
    MessageCodec codec;

    @Property(name = "datasources.default.url")
    String url;
    @Property(name = "datasources.default.username")
    String username;
    @Property(name = "datasources.default.password")
    String password;

    @Test
    void publishesACommittedMessageKeyedByItsSubject() {
        String groupId = UUID.randomUUID().toString();
        GroupCreated message = Samples.groupCreated(groupId);

        UUID id = transactions.executeWrite(status -> outbox.append(message));

        try (TopicReader reader = TopicReader.fromBeginning(Topics.GROUPS)) {
            List<ConsumerRecord<String, String>> records = reader.await(r -> groupId.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(records).hasSize(1);
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(codec.decode(record.value()).data()).isEqualTo(message);
            assertThat(codec.decode(record.value()).envelope().id()).isEqualTo(id.toString());
            assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("podium.events.GroupCreated");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> isPublished(id));
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String groupId = UUID.randomUUID().toString();

        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            outbox.append(Samples.groupCreated(groupId));
            throw new IllegalStateException("business rule failed after the message was written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(pendingAndPublishedRowsFor(groupId)).isZero();
        try (TopicReader reader = TopicReader.fromBeginning(Topics.GROUPS)) {
            assertThat(reader.drain(r -> groupId.equals(r.key()), Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void refusesToWriteOutsideABusinessTransaction() {
        assertThatThrownBy(() -> outbox.append(Samples.groupCreated(UUID.randomUUID().toString())))
                .hasMessageContaining("transaction");
    }

    @Test
    void onlyTheReplicaHoldingTheRelayLockPublishes() throws Exception {
        String groupId = UUID.randomUUID().toString();
        UUID id;
        try (Connection otherReplica = DriverManager.getConnection(url, username, password)) {
            otherReplica.setAutoCommit(false);
            try (Statement statement = otherReplica.createStatement();
                 ResultSet lock = statement.executeQuery("SELECT name FROM outbox_relay_lock FOR UPDATE")) {
                assertThat(lock.next()).isTrue();
                id = transactions.executeWrite(status -> outbox.append(Samples.groupCreated(groupId)));

                assertThat(relay.relayBatch()).isZero();
                assertThat(isPublished(id)).isFalse();
            }
            otherReplica.rollback();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> isPublished(id));
    }

    @Test
    void keepsTheOrderOfOneAggregatesMessages() {
        String groupId = UUID.randomUUID().toString();
        List<GroupCreated> messages = IntStream.range(0, 40)
                .mapToObj(i -> new GroupCreated(groupId, "slug-" + i, "Group " + i, null, "Europe/Paris", "fr",
                        List.of(), java.time.Instant.parse("2027-01-10T09:00:00Z")))
                .toList();
        messages.forEach(message -> transactions.executeWrite(status -> outbox.append(message)));

        try (TopicReader reader = TopicReader.fromBeginning(Topics.GROUPS)) {
            List<ConsumerRecord<String, String>> records = reader.await(r -> groupId.equals(r.key()), 40, Duration.ofSeconds(30));
            assertThat(records).extracting(r -> codec.decode(r.value()).data()).containsExactlyElementsOf(messages);
        }
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

    private int pendingAndPublishedRowsFor(String key) {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT COUNT(*) FROM outbox WHERE message_key = ?", statement -> {
                    statement.setString(1, key);
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        return result.getInt(1);
                    }
                }));
    }
}
