package dev.podium.events.talks;

import dev.podium.contracts.Topics;
import dev.podium.messaging.inbox.MessageInbox;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

@KafkaListener(groupId = "${podium.kafka.consumer-group}", offsetReset = OffsetReset.EARLIEST,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 5, retryDelay = "200ms"))
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
