package dev.podium.events.group;

import dev.podium.contracts.Topics;
import dev.podium.contracts.notifications.MemberUnsubscribed;
import dev.podium.messaging.inbox.InboxConsumer;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.inbox.PodiumListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Opt-outs recorded by notifications-service end the memberships they name. */
@PodiumListener
class UnsubscriptionListener {

    private final InboxConsumer consumer;

    UnsubscriptionListener(MessageInbox inbox, GroupService groups) {
        this.consumer = inbox.consumer("events.unsubscriptions", Topics.SUBSCRIPTIONS, message -> {
            MemberUnsubscribed unsubscribed = message.dataAs(MemberUnsubscribed.class);
            groups.unsubscribe(unsubscribed.email(), unsubscribed.groupId());
        });
    }

    @Topic(Topics.SUBSCRIPTIONS)
    void receive(ConsumerRecord<String, String> record) {
        consumer.receive(record);
    }
}
