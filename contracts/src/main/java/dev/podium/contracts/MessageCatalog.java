package dev.podium.contracts;

import dev.podium.contracts.events.EventCancelled;
import dev.podium.contracts.events.EventCompleted;
import dev.podium.contracts.events.EventCreated;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.contracts.events.MemberConfirmed;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.contracts.events.MemberLeft;
import dev.podium.contracts.events.OrganiserAdded;
import dev.podium.contracts.events.PersonErased;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationPromoted;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.contracts.notifications.CalendarReplyReceived;
import dev.podium.contracts.notifications.MemberUnsubscribed;
import dev.podium.contracts.talks.CoSpeakerInvited;
import dev.podium.contracts.talks.TalkAccepted;
import dev.podium.contracts.talks.TalkConfirmed;
import dev.podium.contracts.talks.TalkMaterialsPublished;
import dev.podium.contracts.talks.TalkRejected;
import dev.podium.contracts.talks.TalkSubmitted;
import dev.podium.contracts.talks.TalkUpdated;
import dev.podium.contracts.talks.TalkWithdrawn;

import java.util.List;
import java.util.Optional;

/**
 * Every message type, with its CloudEvents {@code type} and topic. A type name never changes once
 * published: renaming a record must keep its type name.
 */
public final class MessageCatalog {

    private static final List<MessageType<?>> ALL = List.of(
            type("podium.events.GroupCreated", Topics.GROUPS, GroupCreated.class),
            type("podium.events.OrganiserAdded", Topics.GROUPS, OrganiserAdded.class),
            type("podium.events.MemberJoined", Topics.GROUPS, MemberJoined.class),
            type("podium.events.MemberConfirmed", Topics.GROUPS, MemberConfirmed.class),
            type("podium.events.MemberLeft", Topics.GROUPS, MemberLeft.class),

            type("podium.events.EventCreated", Topics.EVENTS, EventCreated.class),
            type("podium.events.EventPublished", Topics.EVENTS, EventPublished.class),
            type("podium.events.EventUpdated", Topics.EVENTS, EventUpdated.class),
            type("podium.events.EventCancelled", Topics.EVENTS, EventCancelled.class),
            type("podium.events.EventCompleted", Topics.EVENTS, EventCompleted.class),

            type("podium.events.RegistrationConfirmed", Topics.REGISTRATIONS, RegistrationConfirmed.class),
            type("podium.events.RegistrationWaitlisted", Topics.REGISTRATIONS, RegistrationWaitlisted.class),
            type("podium.events.RegistrationPromoted", Topics.REGISTRATIONS, RegistrationPromoted.class),
            type("podium.events.RegistrationCancelled", Topics.REGISTRATIONS, RegistrationCancelled.class),

            type("podium.events.PersonErased", Topics.PEOPLE, PersonErased.class),

            type("podium.talks.TalkSubmitted", Topics.SUBMISSIONS, TalkSubmitted.class),
            type("podium.talks.TalkUpdated", Topics.SUBMISSIONS, TalkUpdated.class),
            type("podium.talks.TalkWithdrawn", Topics.SUBMISSIONS, TalkWithdrawn.class),
            type("podium.talks.TalkAccepted", Topics.SUBMISSIONS, TalkAccepted.class),
            type("podium.talks.TalkRejected", Topics.SUBMISSIONS, TalkRejected.class),
            type("podium.talks.TalkConfirmed", Topics.SUBMISSIONS, TalkConfirmed.class),
            type("podium.talks.CoSpeakerInvited", Topics.SUBMISSIONS, CoSpeakerInvited.class),
            type("podium.talks.TalkMaterialsPublished", Topics.SUBMISSIONS, TalkMaterialsPublished.class),

            type("podium.notifications.MemberUnsubscribed", Topics.SUBSCRIPTIONS, MemberUnsubscribed.class),
            type("podium.notifications.CalendarReplyReceived", Topics.CALENDAR_REPLIES, CalendarReplyReceived.class));

    private MessageCatalog() {
    }

    public static List<MessageType<?>> all() {
        return ALL;
    }

    public static Optional<MessageType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    /** @throws IllegalArgumentException when {@code javaType} is not registered */
    @SuppressWarnings("unchecked")
    public static <T extends PodiumMessage> MessageType<T> byClass(Class<T> javaType) {
        return (MessageType<T>) ALL.stream()
                .filter(t -> t.javaType() == javaType)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(javaType.getName() + " is not in the MessageCatalog"));
    }

    /** The types published on {@code topic}, in catalog order; empty for an unknown topic. */
    public static List<MessageType<?>> onTopic(String topic) {
        return ALL.stream().filter(t -> t.topic().equals(topic)).toList();
    }

    private static <T extends PodiumMessage> MessageType<T> type(String type, String topic, Class<T> javaType) {
        return new MessageType<>(type, topic, javaType);
    }
}
