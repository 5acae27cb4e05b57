package dev.podium.talks.catalog;

import dev.podium.contracts.Topics;
import dev.podium.messaging.inbox.InboxConsumer;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.inbox.PodiumListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Keeps the events of the read model up to date from {@value Topics#EVENTS}. */
@PodiumListener
class EventMessagesListener {

    private final InboxConsumer consumer;

    EventMessagesListener(MessageInbox inbox, Catalog catalog) {
        this.consumer = inbox.consumer("talks.events", Topics.EVENTS, catalog::apply);
    }

    @Topic(Topics.EVENTS)
    void receive(ConsumerRecord<String, String> record) {
        consumer.receive(record);
    }
}
