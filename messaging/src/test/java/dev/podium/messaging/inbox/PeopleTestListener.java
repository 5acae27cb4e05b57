package dev.podium.messaging.inbox;

import dev.podium.contracts.Topics;
import dev.podium.contracts.events.PersonErased;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.data.exceptions.DataAccessException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A listener written the way services write theirs; fails on addresses that start with "fail", and
 * fails as a service whose database is unreachable (pool timeout) the first
 * {@value #UNREACHABLE_ATTEMPTS} times an address that starts with "unreachable" comes.
 */
@PodiumListener
class PeopleTestListener {

    /** More than one round of the error strategy (one attempt and four retries). */
    static final int UNREACHABLE_ATTEMPTS = 7;

    final List<String> erased = new CopyOnWriteArrayList<>();
    final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final InboxConsumer consumer;

    PeopleTestListener(MessageInbox inbox) {
        this.consumer = inbox.consumer("people-test", Topics.PEOPLE, message -> {
            PersonErased erasure = (PersonErased) message.data();
            int attempt = attempts.merge(erasure.email(), 1, Integer::sum);
            if (erasure.email().startsWith("unreachable") && attempt <= UNREACHABLE_ATTEMPTS) {
                throw new DataAccessException("Error executing SQL UPDATE", new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 2500ms", "08S01"));
            }
            if (erasure.email().startsWith("fail")) {
                throw new IllegalStateException("cannot erase " + erasure.email());
            }
            erased.add(erasure.email());
        });
    }

    @Topic(Topics.PEOPLE)
    void receive(ConsumerRecord<String, String> record) {
        consumer.receive(record);
    }
}
