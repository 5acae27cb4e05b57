package dev.podium.talks.catalog;

import dev.podium.contracts.Topics;
import dev.podium.messaging.inbox.InboxConsumer;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.inbox.PodiumBatchListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Keeps the groups and their organisers of the read model up to date from {@value Topics#GROUPS}. That
 * topic also carries every membership change (an import brings thousands at once), which this service
 * only counts towards the group's watermark: a poll is applied in one transaction.
 */
@PodiumBatchListener
class GroupMessagesListener {

    private final InboxConsumer consumer;

    GroupMessagesListener(MessageInbox inbox, Catalog catalog) {
        this.consumer = inbox.consumer("talks.groups", Topics.GROUPS, catalog::apply);
    }

    @Topic(Topics.GROUPS)
    void receive(List<ConsumerRecord<String, String>> records, Consumer<?, ?> kafka) {
        consumer.receiveAll(records, kafka);
    }
}
