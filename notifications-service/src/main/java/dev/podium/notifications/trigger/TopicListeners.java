package dev.podium.notifications.trigger;

import dev.podium.contracts.Topics;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.inbox.PodiumListener;
import dev.podium.notifications.audience.AudienceUpdates;
import dev.podium.notifications.erasure.PersonErasure;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The Kafka side of notifications-service: each record is applied once (idempotent consumer) and,
 * in that same transaction, updates the recipient read model and records the notifications it
 * triggers. Nothing is sent from here.
 */
final class TopicListeners {

    private TopicListeners() {
    }

    @PodiumListener
    static class Groups {

        private final MessageInbox inbox;
        private final AudienceUpdates audience;
        private final MembershipNotifications membership;

        Groups(MessageInbox inbox, AudienceUpdates audience, MembershipNotifications membership) {
            this.inbox = inbox;
            this.audience = audience;
            this.membership = membership;
        }

        @Topic(Topics.GROUPS)
        void receive(ConsumerRecord<String, String> record) {
            inbox.receive("notifications.groups", record, message -> {
                audience.apply(message.data());
                membership.on(message);
            });
        }
    }

    @PodiumListener
    static class Events {

        private final MessageInbox inbox;
        private final EventNotifications notifications;

        Events(MessageInbox inbox, EventNotifications notifications) {
            this.inbox = inbox;
            this.notifications = notifications;
        }

        @Topic(Topics.EVENTS)
        void receive(ConsumerRecord<String, String> record) {
            inbox.receive("notifications.events", record, message -> notifications.on(message.data()));
        }
    }

    @PodiumListener
    static class Registrations {

        private final MessageInbox inbox;
        private final AudienceUpdates audience;
        private final RegistrationNotifications notifications;

        Registrations(MessageInbox inbox, AudienceUpdates audience, RegistrationNotifications notifications) {
            this.inbox = inbox;
            this.audience = audience;
            this.notifications = notifications;
        }

        @Topic(Topics.REGISTRATIONS)
        void receive(ConsumerRecord<String, String> record) {
            inbox.receive("notifications.registrations", record, message -> {
                audience.apply(message.data());
                notifications.on(message);
            });
        }
    }

    @PodiumListener
    static class People {

        private final MessageInbox inbox;
        private final PersonErasure erasure;

        People(MessageInbox inbox, PersonErasure erasure) {
            this.inbox = inbox;
            this.erasure = erasure;
        }

        @Topic(Topics.PEOPLE)
        void receive(ConsumerRecord<String, String> record) {
            inbox.receive("notifications.people", record, message -> erasure.on(message.data()));
        }
    }

    @PodiumListener
    static class Submissions {

        private final MessageInbox inbox;
        private final TalkNotifications notifications;

        Submissions(MessageInbox inbox, TalkNotifications notifications) {
            this.inbox = inbox;
            this.notifications = notifications;
        }

        @Topic(Topics.SUBMISSIONS)
        void receive(ConsumerRecord<String, String> record) {
            inbox.receive("notifications.submissions", record, notifications::on);
        }
    }
}
