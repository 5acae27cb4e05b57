package dev.podium.talks.catalog;

import dev.podium.contracts.Topics;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.inbox.PodiumListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Keeps the groups and their organisers of the read model up to date from {@value Topics#GROUPS}. */
@PodiumListener
class GroupMessagesListener {

    private final MessageInbox inbox;
    private final Catalog catalog;

    GroupMessagesListener(MessageInbox inbox, Catalog catalog) {
        this.inbox = inbox;
        this.catalog = catalog;
    }

    @Topic(Topics.GROUPS)
    void receive(ConsumerRecord<String, String> record) {
        inbox.receive("talks.groups", record, catalog::apply);
    }
}
