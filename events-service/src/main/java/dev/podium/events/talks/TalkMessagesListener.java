package dev.podium.events.talks;

import dev.podium.contracts.Topics;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.inbox.PodiumListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

@PodiumListener
class TalkMessagesListener {

    private final MessageInbox inbox;
    private final AcceptedTalks acceptedTalks;

    TalkMessagesListener(MessageInbox inbox, AcceptedTalks acceptedTalks) {
        this.inbox = inbox;
        this.acceptedTalks = acceptedTalks;
    }

    @Topic(Topics.SUBMISSIONS)
    void receive(ConsumerRecord<String, String> record) {
        inbox.receive("events.accepted-talks", record, acceptedTalks::apply);
    }
}
