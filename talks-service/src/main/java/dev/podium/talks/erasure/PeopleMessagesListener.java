package dev.podium.talks.erasure;

import dev.podium.contracts.Topics;
import dev.podium.messaging.inbox.InboxConsumer;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.inbox.PodiumListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Erases people from {@value Topics#PEOPLE}. */
@PodiumListener
class PeopleMessagesListener {

    private final InboxConsumer consumer;

    PeopleMessagesListener(MessageInbox inbox, PersonErasure erasure) {
        this.consumer = inbox.consumer("talks.people", Topics.PEOPLE, erasure::apply, Topics.GROUPS);
    }

    @Topic(Topics.PEOPLE)
    void receive(ConsumerRecord<String, String> record) {
        consumer.receive(record);
    }
}
