package dev.podium.messaging.inbox;

import dev.podium.contracts.Topics;
import dev.podium.contracts.events.PersonErased;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A listener written the way services write theirs; fails on addresses that start with "fail". */
@PodiumListener
class PeopleTestListener {

    final List<String> erased = new CopyOnWriteArrayList<>();
    private final MessageInbox inbox;

    PeopleTestListener(MessageInbox inbox) {
        this.inbox = inbox;
    }

    @Topic(Topics.PEOPLE)
    void receive(ConsumerRecord<String, String> record) {
        inbox.receive("people-test", record, message -> {
            PersonErased erasure = (PersonErased) message.data();
            if (erasure.email().startsWith("fail")) {
                throw new IllegalStateException("cannot erase " + erasure.email());
            }
            erased.add(erasure.email());
        });
    }
}
