package dev.podium.talks.catalog;

import dev.podium.contracts.Topics;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.inbox.PodiumListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Keeps the events of the read model up to date from {@value Topics#EVENTS}. */
@PodiumListener
class EventMessagesListener {

    private final MessageInbox inbox;
    private final Catalog catalog;

    EventMessagesListener(MessageInbox inbox, Catalog catalog) {
        this.inbox = inbox;
        this.catalog = catalog;
    }

    @Topic(Topics.EVENTS)
    void receive(ConsumerRecord<String, String> record) {
        inbox.receive("talks.events", record, catalog::apply);
    }
}
