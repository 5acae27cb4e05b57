package dev.podium.events.group;

import dev.podium.contracts.Topics;
import dev.podium.contracts.notifications.MemberUnsubscribed;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.inbox.PodiumListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Opt-outs recorded by notifications-service end the memberships they name. */
@PodiumListener
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
