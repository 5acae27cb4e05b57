package dev.podium.notifications.trigger;

import dev.podium.contracts.Topics;
import dev.podium.messaging.inbox.InboxConsumer;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.inbox.PodiumBatchListener;
import dev.podium.notifications.audience.AudienceUpdates;
import dev.podium.notifications.erasure.PersonErasure;
import dev.podium.notifications.webhook.WebhookFacts;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The Kafka side of notifications-service: each record is applied once (idempotent consumer), each
 * poll's records in one transaction (a group's thousands of imported members in a few commits), and,
 * in that same transaction, updates the recipient read model and records the notifications it
 * triggers, and the webhook messages for the group's endpoints. Nothing is sent from here. A message that depends on facts of another topic (an
 * announcement on the members it goes to) waits in the inbox until the read model has them.
 */
final class TopicListeners {

    private TopicListeners() {
    }

    @PodiumBatchListener
    static class Groups {

        private final InboxConsumer consumer;

        Groups(MessageInbox inbox, AudienceUpdates audience, MembershipNotifications membership, WebhookFacts webhooks) {
            this.consumer = inbox.consumer(ConsumerNames.GROUPS, Topics.GROUPS, message -> {
                audience.apply(message);
                membership.on(message);
                webhooks.on(message);
            });
        }

        @Topic(Topics.GROUPS)
        void receive(List<ConsumerRecord<String, String>> records, Consumer<?, ?> kafka) {
            consumer.receiveAll(records, kafka);
        }
    }

    @PodiumBatchListener
    static class Events {

        private final InboxConsumer consumer;

        Events(MessageInbox inbox, EventNotifications notifications, WebhookFacts webhooks) {
            this.consumer = inbox.consumer(ConsumerNames.EVENTS, Topics.EVENTS, message -> {
                notifications.on(message);
                webhooks.on(message);
            }, Topics.GROUPS, Topics.REGISTRATIONS);
        }

        @Topic(Topics.EVENTS)
        void receive(List<ConsumerRecord<String, String>> records, Consumer<?, ?> kafka) {
            consumer.receiveAll(records, kafka);
        }
    }

    @PodiumBatchListener
    static class Registrations {

        private final InboxConsumer consumer;

        Registrations(MessageInbox inbox, AudienceUpdates audience, RegistrationNotifications notifications,
                      WebhookFacts webhooks) {
            this.consumer = inbox.consumer(ConsumerNames.REGISTRATIONS, Topics.REGISTRATIONS, message -> {
                audience.apply(message);
                notifications.on(message);
                webhooks.on(message);
            });
        }

        @Topic(Topics.REGISTRATIONS)
        void receive(List<ConsumerRecord<String, String>> records, Consumer<?, ?> kafka) {
            consumer.receiveAll(records, kafka);
        }
    }

    @PodiumBatchListener
    static class People {

        private final InboxConsumer consumer;

        People(MessageInbox inbox, PersonErasure erasure) {
            this.consumer = inbox.consumer(ConsumerNames.PEOPLE, Topics.PEOPLE, message -> erasure.on(message.data()),
                    Topics.GROUPS, Topics.REGISTRATIONS);
        }

        @Topic(Topics.PEOPLE)
        void receive(List<ConsumerRecord<String, String>> records, Consumer<?, ?> kafka) {
            consumer.receiveAll(records, kafka);
        }
    }

    @PodiumBatchListener
    static class Submissions {

        private final InboxConsumer consumer;

        Submissions(MessageInbox inbox, TalkNotifications notifications, WebhookFacts webhooks) {
            this.consumer = inbox.consumer(ConsumerNames.SUBMISSIONS, Topics.SUBMISSIONS, message -> {
                notifications.on(message);
                webhooks.on(message);
            }, Topics.GROUPS);
        }

        @Topic(Topics.SUBMISSIONS)
        void receive(List<ConsumerRecord<String, String>> records, Consumer<?, ?> kafka) {
            consumer.receiveAll(records, kafka);
        }
    }
}
