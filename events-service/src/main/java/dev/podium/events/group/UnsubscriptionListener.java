package dev.podium.events.group;

import dev.podium.contracts.Topics;
import dev.podium.contracts.notifications.MemberUnsubscribed;
import dev.podium.messaging.inbox.MessageInbox;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Opt-outs recorded by notifications-service end the memberships they name. */
@KafkaListener(groupId = "${podium.kafka.consumer-group}", offsetReset = OffsetReset.EARLIEST,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 5, retryDelay = "200ms"))
class UnsubscriptionListener {

    private final MessageInbox inbox;
    private final GroupService groups;

    UnsubscriptionListener(MessageInbox inbox, GroupService groups) {
        this.inbox = inbox;
        this.groups = groups;
    }

    @Topic(Topics.SUBSCRIPTIONS)
    void receive(ConsumerRecord<String, String> record) {
        inbox.receive("events.unsubscriptions", record, message -> {
            MemberUnsubscribed unsubscribed = message.dataAs(MemberUnsubscribed.class);
            groups.unsubscribe(unsubscribed.email(), unsubscribed.groupId());
        });
    }
}
