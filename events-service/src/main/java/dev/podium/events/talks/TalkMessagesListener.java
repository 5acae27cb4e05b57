package dev.podium.events.talks;

import dev.podium.contracts.Topics;
import dev.podium.messaging.inbox.InboxConsumer;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.inbox.PodiumListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

@PodiumListener
class TalkMessagesListener {

    private final InboxConsumer consumer;

    TalkMessagesListener(MessageInbox inbox, AcceptedTalks acceptedTalks) {
        this.consumer = inbox.consumer("events.accepted-talks", Topics.SUBMISSIONS, acceptedTalks::apply);
    }

    @Topic(Topics.SUBMISSIONS)
    void receive(ConsumerRecord<String, String> record) {
        consumer.receive(record);
    }
}
