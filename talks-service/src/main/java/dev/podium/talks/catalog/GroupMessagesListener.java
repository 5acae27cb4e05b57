package dev.podium.talks.catalog;

import dev.podium.contracts.Topics;
import dev.podium.messaging.inbox.InboxConsumer;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.inbox.PodiumListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Keeps the groups and their organisers of the read model up to date from {@value Topics#GROUPS}. */
@PodiumListener
class GroupMessagesListener {

    private final InboxConsumer consumer;

    GroupMessagesListener(MessageInbox inbox, Catalog catalog) {
        this.consumer = inbox.consumer("talks.groups", Topics.GROUPS, catalog::apply);
    }

    @Topic(Topics.GROUPS)
    void receive(ConsumerRecord<String, String> record) {
        consumer.receive(record);
    }
}
