package dev.podium.messaging.inbox;

import dev.podium.contracts.Topics;
import dev.podium.contracts.events.PersonErased;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@link PeopleTestListener} as a batch listener, on a topic of its own: fails on addresses that start
 * with "fail", once on those that start with "flaky", and as a service whose database is unreachable
 * the first {@value #UNREACHABLE_ATTEMPTS} times an address that starts with "unreachable" comes.
 * An erasure is listed once its transaction has committed.
 */
@PodiumBatchListener
class PeopleBatchTestListener {

    static final String TOPIC = "podium.test.person-batch.v1";
    static final int UNREACHABLE_ATTEMPTS = 7;

    final List<String> erased = new CopyOnWriteArrayList<>();
    final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final InboxConsumer consumer;

    PeopleBatchTestListener(MessageInbox inbox, TransactionOperations<Connection> transactions) {
        this.consumer = inbox.consumer("people-batch-test", TOPIC, message -> {
            PersonErased erasure = (PersonErased) message.data();
            int attempt = attempts.merge(erasure.email(), 1, Integer::sum);
            if (erasure.email().startsWith("unreachable") && attempt <= UNREACHABLE_ATTEMPTS) {
                throw new DataAccessException("Error executing SQL UPDATE", new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 2500ms", "08S01"));
            }
            if (erasure.email().startsWith("fail") || erasure.email().startsWith("flaky") && attempt == 1) {
                throw new IllegalStateException("cannot erase " + erasure.email());
            }
            transactions.findTransactionStatus().orElseThrow().registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    erased.add(erasure.email());
                }
            });
        });
    }

    @Topic(TOPIC)
    void receive(List<ConsumerRecord<String, String>> records, Consumer<?, ?> kafka) {
        consumer.receiveAll(records, kafka);
    }

    static String deadLetterTopic() {
        return Topics.deadLetter(TOPIC);
    }
}
