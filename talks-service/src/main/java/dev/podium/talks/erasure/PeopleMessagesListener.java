package dev.podium.talks.erasure;

import dev.podium.contracts.Topics;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.inbox.PodiumListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Erases people from {@value Topics#PEOPLE}. */
@PodiumListener
class PeopleMessagesListener {

    private final MessageInbox inbox;
    private final PersonErasure erasure;

    PeopleMessagesListener(MessageInbox inbox, PersonErasure erasure) {
        this.inbox = inbox;
        this.erasure = erasure;
    }

    @Topic(Topics.PEOPLE)
    void receive(ConsumerRecord<String, String> record) {
        inbox.receive("talks.people", record, erasure::apply);
    }
}
