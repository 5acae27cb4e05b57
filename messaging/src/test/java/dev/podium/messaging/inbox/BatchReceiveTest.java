package dev.podium.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.Causality;
import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.StreamVersion;
import dev.podium.contracts.Topics;
import dev.podium.contracts.events.PersonErased;
import dev.podium.messaging.Samples;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.TopicReader;
import io.micronaut.context.env.Environment;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A poll received whole ({@link InboxConsumer#receiveAll}) keeps every guarantee of the record-by-record
 * path, on the real database and a real Kafka consumer (which the inbox rewinds when it must).
 */
@MicronautTest(transactional = false)
class BatchReceiveTest implements RealServers {

    /** Where the test's Kafka consumer stands before the poll: a rewind moves it back into the records. */
    private static final long BEYOND_THE_POLL = 1_000;
    private static final TopicPartition PARTITION = new TopicPartition(Topics.PEOPLE, 0);

    @Inject
    MessageInbox inbox;
    @Inject
    MessageCodec codec;
    @Inject
    DeferredMessages deferred;
    @Inject
    Environment environment;
    @Inject
    TransactionOperations<Connection> transactions;

    private KafkaConsumer<String, String> kafka;
    private List<String> applied;
    private long nextOffset;

    @BeforeEach
    void realConsumerAtTheEndOfThePoll() {
        kafka = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "batch-receive-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        kafka.assign(List.of(PARTITION));
        kafka.seek(PARTITION, BEYOND_THE_POLL);
        applied = new CopyOnWriteArrayList<>();
        nextOffset = 0;
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aMessageTwiceInOnePollTakesEffectOnce() {
        InboxConsumer consumer = consumer("duplicates", this::erase);
        ConsumerRecord<String, String> once = record(UUID.randomUUID().toString(), "once@example.org", Causality.NONE);
        ConsumerRecord<String, String> again = new ConsumerRecord<>(Topics.PEOPLE, 0, nextOffset++, once.key(), once.value());
        ConsumerRecord<String, String> other = record(UUID.randomUUID().toString(), "other@example.org", Causality.NONE);

        consumer.receiveAll(List.of(once, again, other), kafka);

        assertThat(applied).containsExactly("once@example.org", "other@example.org");
        assertThat(processedCount(consumer)).isEqualTo(2);
        assertThat(kafka.position(PARTITION)).as("not rewound").isEqualTo(BEYOND_THE_POLL);
    }

    @Test
    void aPollTakesEffectInOneTransaction() {
        List<Long> visibleMeanwhile = new CopyOnWriteArrayList<>();
        String[] name = new String[1];
        InboxConsumer consumer = consumer("together", message -> {
            visibleMeanwhile.add(processedCount(name[0]));
            erase(message);
        });
        name[0] = consumer.name();
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            poll.add(record(UUID.randomUUID().toString(), "member-" + i + "@example.org", Causality.NONE));
        }

        consumer.receiveAll(poll, kafka);

        assertThat(applied).hasSize(20);
        assertThat(visibleMeanwhile).as("seen from another connection while the poll was applied: nothing committed yet")
                .hasSize(20).containsOnly(0L);
        assertThat(processedCount(consumer)).isEqualTo(20);
    }

    @Test
    void aPollLargerThanOneTransactionTakesEffectWhole() {
        InboxConsumer consumer = consumer("large", this::erase);
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < PollReceiver.MAX_PER_TRANSACTION + 7; i++) {
            poll.add(record(UUID.randomUUID().toString(), "large-" + i + "@example.org", Causality.NONE));
            expected.add("large-" + i + "@example.org");
        }

        consumer.receiveAll(poll, kafka);

        assertThat(applied).containsExactlyElementsOf(expected);
        assertThat(processedCount(consumer)).isEqualTo(expected.size());
    }

    @Test
    void aRecordWhoseEffectFailsOnceTakesEffectOnceAndNothingIsSkippedOrReordered() {
        AtomicInteger failures = new AtomicInteger();
        InboxConsumer consumer = consumer("flaky", message -> {
            if (email(message).startsWith("flaky") && failures.getAndIncrement() == 0) {
                throw new IllegalStateException("the first attempt fails");
            }
            erase(message);
        });
        String key = UUID.randomUUID().toString();
        List<ConsumerRecord<String, String>> poll = List.of(
                record(key, "first@example.org", Causality.NONE),
                record(key, "flaky@example.org", Causality.NONE),
                record(key, "third@example.org", Causality.NONE),
                record(UUID.randomUUID().toString(), "other-key@example.org", Causality.NONE));

        consumer.receiveAll(poll, kafka);

        assertThat(failures).hasValue(2);
        assertThat(applied).containsExactly("first@example.org", "flaky@example.org", "third@example.org", "other-key@example.org");
        assertThat(processedCount(consumer)).isEqualTo(4);
        assertThat(kafka.position(PARTITION)).as("not rewound").isEqualTo(BEYOND_THE_POLL);
    }

    @Test
    void anUnreadableRecordInAPollIsDeadLetteredOnceAndTheOthersTakeEffect() {
        InboxConsumer consumer = consumer("poison", this::erase);
        String poisonKey = UUID.randomUUID().toString();
        ConsumerRecord<String, String> poison = new ConsumerRecord<>(Topics.PEOPLE, 0, nextOffset++, poisonKey, "{not json");
        List<ConsumerRecord<String, String>> poll = List.of(
                record(UUID.randomUUID().toString(), "before@example.org", Causality.NONE), poison,
                record(UUID.randomUUID().toString(), "after@example.org", Causality.NONE));

        consumer.receiveAll(poll, kafka);

        assertThat(applied).containsExactly("before@example.org", "after@example.org");
        try (TopicReader reader = TopicReader.fromBeginning(Topics.deadLetter(Topics.PEOPLE))) {
            assertThat(reader.drain(r -> poisonKey.equals(r.key()), Duration.ofSeconds(5))).hasSize(1);
        }
    }

    @Test
    void aRecordWhoseEffectKeepsFailingIsDeadLetteredAndThePollResumesRightAfterIt() {
        List<String> attempts = new CopyOnWriteArrayList<>();
        InboxConsumer consumer = consumer("failing", message -> {
            attempts.add(email(message));
            if (email(message).startsWith("fail")) {
                throw new IllegalStateException("cannot erase " + email(message));
            }
            erase(message);
        });
        ConsumerRecord<String, String> failing = record(UUID.randomUUID().toString(), "fail@example.org", Causality.NONE);
        ConsumerRecord<String, String> after = record(UUID.randomUUID().toString(), "after@example.org", Causality.NONE);
        List<ConsumerRecord<String, String>> poll = List.of(record(UUID.randomUUID().toString(), "before@example.org", Causality.NONE),
                failing, after);

        consumer.receiveAll(poll, kafka);

        assertThat(attempts.stream().filter("fail@example.org"::equals)).as("in the batch, then once and four retries")
                .hasSize(1 + 1 + FailedRecords.RETRIES);
        assertThat(applied).containsExactly("before@example.org");
        assertThat(kafka.position(PARTITION)).as("the next poll starts after the dead letter").isEqualTo(after.offset());
        try (TopicReader reader = TopicReader.fromBeginning(Topics.deadLetter(Topics.PEOPLE))) {
            assertThat(reader.await(r -> failing.key().equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
        }

        consumer.receiveAll(List.of(after), kafka);
        assertThat(applied).containsExactly("before@example.org", "after@example.org");
    }

    @Test
    void aRecordThatFailsForWantOfTheDatabaseIsKeptBackWithWhatFollowsIt() {
        InboxConsumer consumer = consumer("unreachable", message -> {
            if (email(message).startsWith("unreachable")) {
                throw new DataAccessException("Error executing SQL UPDATE", new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 2500ms", "08S01"));
            }
            erase(message);
        });
        ConsumerRecord<String, String> kept = record(UUID.randomUUID().toString(), "unreachable@example.org", Causality.NONE);
        List<ConsumerRecord<String, String>> poll = List.of(record(UUID.randomUUID().toString(), "before@example.org", Causality.NONE),
                kept, record(UUID.randomUUID().toString(), "after@example.org", Causality.NONE));

        consumer.receiveAll(poll, kafka);

        assertThat(applied).containsExactly("before@example.org");
        assertThat(kafka.position(PARTITION)).as("rewound to the kept record").isEqualTo(kept.offset());
        try (TopicReader reader = TopicReader.fromBeginning(Topics.deadLetter(Topics.PEOPLE))) {
            assertThat(reader.drain(r -> kept.key().equals(r.key()), Duration.ofSeconds(3))).as("not dead-lettered").isEmpty();
        }
    }

    @Test
    void aKeyDeferredInAPollDefersItsLaterRecordsInThatPoll() {
        String stream = "group-members/" + UUID.randomUUID();
        InboxConsumer changes = inbox.consumer("changes-" + UUID.randomUUID(), Topics.PEOPLE, message -> afterCommit("change"));
        InboxConsumer dependents = consumer("dependents", this::erase);
        String key = UUID.randomUUID().toString();
        List<ConsumerRecord<String, String>> poll = List.of(
                record(key, "announcement@example.org", Causality.after(new StreamVersion(stream, 1))),
                record(key, "behind-it@example.org", Causality.NONE),
                record(UUID.randomUUID().toString(), "other-key@example.org", Causality.NONE));

        dependents.receiveAll(poll, kafka);

        assertThat(applied).containsExactly("other-key@example.org");
        assertThat(deferred.waiting(dependents.name(), key)).hasSize(2);

        changes.receiveAll(List.of(record(stream, "change@example.org", Causality.advancing(new StreamVersion(stream, 1)))), kafka);

        await().atMost(Duration.ofSeconds(30)).until(() -> applied.size() == 4);
        assertThat(applied).containsExactly("other-key@example.org", "change", "announcement@example.org", "behind-it@example.org");
    }

    /** A consumer of its own whose effects read the group's members. */
    private InboxConsumer consumer(String name, MessageHandler handler) {
        return inbox.consumer(name + "-" + UUID.randomUUID(), Topics.PEOPLE, handler, Topics.GROUPS);
    }

    private void afterCommit(String effect) {
        transactions.findTransactionStatus().orElseThrow().registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                applied.add(effect);
            }
        });
    }

    /** The test's effect: listed once the transaction that applied it has committed (a rolled-back attempt lists nothing). */
    private void erase(DecodedMessage message) {
        afterCommit(email(message));
    }

    private static String email(DecodedMessage message) {
        return ((PersonErased) message.data()).email();
    }

    private ConsumerRecord<String, String> record(String key, String email, Causality causality) {
        PodiumMessage message = Samples.personErased(email);
        String payload = codec.encode(message, "/podium/test", UUID.randomUUID(), Instant.parse("2027-01-10T09:00:00Z"), causality);
        return new ConsumerRecord<>(Topics.PEOPLE, 0, nextOffset++, key, payload);
    }

    private long processedCount(InboxConsumer consumer) {
        return processedCount(consumer.name());
    }

    /** Counted on a connection of its own, outside the inbox's transaction. */
    private long processedCount(String consumer) {
        try (Connection connection = DriverManager.getConnection(property("datasources.default.url"),
                property("datasources.default.username"), property("datasources.default.password"));
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM processed_message WHERE consumer = ?")) {
            count.setString(1, consumer);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String property(String name) {
        return environment.getRequiredProperty(name, String.class);
    }
}
