package dev.podium.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCatalog;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.Topics;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.EventCreated;
import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.PersonErased;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.contracts.talks.TalkSnapshot;
import dev.podium.contracts.talks.TalkSubmitted;
import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.audience.KnownEvents;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.PoisonMessages;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A malformed record and a record of an unknown type on each topic notifications-service consumes
 * go to that topic's dead-letter topic, and the next message on the same partition (same key) still
 * takes effect.
 */
@MicronautTest(transactional = false)
class PoisonMessagesTest implements RealServers {

    @Inject
    MessageCodec codec;

    @Inject
    Audience audience;

    @Inject
    KnownEvents knownEvents;

    private final MailTestServer mail = TestServers.mail();

    @Test
    void groupsTopic() {
        String groupId = UUID.randomUUID().toString();
        poisonThen(Topics.GROUPS, Fixtures.group(groupId, "en", Fixtures.address("orla")), () -> audience.group(groupId).isPresent());
    }

    @Test
    void eventsTopic() {
        EventSnapshot event = Fixtures.event(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Lightning talks",
                "2029-05-01T19:00", "2029-05-01T21:00", 1, List.of());
        poisonThen(Topics.EVENTS, new EventCreated(event), () -> knownEvents.find(event.eventId()).isPresent());
    }

    @Test
    void registrationsTopic() {
        String attendee = Fixtures.address("waiting");
        EventSnapshot event = Fixtures.event(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Lightning talks",
                "2029-05-01T19:00", "2029-05-01T21:00", 1, List.of());
        EventRef ref = new EventRef(event.eventId(), event.groupId(), event.groupSlug(), event.groupName(), event.language(),
                event.number(), event.title(), event.status(), event.startsAt(), event.endsAt(), event.timeZone(), event.startsAtUtc(),
                event.endsAtUtc(), event.venue(), event.sequence(), event.url());
        poisonThen(Topics.REGISTRATIONS, new RegistrationWaitlisted(new RegistrationSnapshot(UUID.randomUUID().toString(),
                        event.eventId(), new PersonRef(null, "Wendy", attendee), "WAITLISTED", Instant.now(), 1, null), ref),
                () -> !mail.messagesTo(attendee).isEmpty());
    }

    @Test
    void peopleTopic() {
        String groupId = UUID.randomUUID().toString();
        String leaving = Fixtures.address("erased");
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", Fixtures.address("orla")));
        TopicWriter.publish(codec, Fixtures.member(groupId, leaving, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> audience.members(groupId).size() == 1);
        poisonThen(Topics.PEOPLE, new PersonErased(UUID.randomUUID().toString(), leaving, Instant.now()),
                () -> audience.members(groupId).isEmpty());
    }

    @Test
    void submissionsTopic() {
        String speaker = Fixtures.address("speaker");
        TalkSnapshot talk = new TalkSnapshot(UUID.randomUUID().toString(), null, null, "Generalization in Deep networks",
                "Why deep learning models work so well (when they work).", "TALK", 30, "en", null, List.of(),
                List.of(new SpeakerRef("spk", null, "Olivier Grisel", speaker, "INRIA")), "SUBMITTED");
        poisonThen(Topics.SUBMISSIONS, new TalkSubmitted(talk, Instant.now()), () -> !mail.messagesTo(speaker).isEmpty());
    }

    private void poisonThen(String topic, PodiumMessage message, BooleanSupplier tookEffect) {
        assertThat(MessageCatalog.byClass(message.getClass()).topic()).isEqualTo(topic);
        PoisonMessages.assertDeadLetteredWithoutBlocking(codec, message, tookEffect);
    }
}
