package dev.podium.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.AgendaSlotSnapshot;
import dev.podium.contracts.events.ChangeKind;
import dev.podium.contracts.events.EventCancelled;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.contracts.events.VenueSnapshot;
import dev.podium.notifications.audience.Audience;
import dev.podium.persistence.Sql;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Updates (collected per window), reminders (moved and deleted with the event) and cancellations. */
@MicronautTest(transactional = false)
class EventChangesTest implements RealServers {

    @Inject
    MessageCodec codec;

    @Inject
    Audience audience;

    @Inject
    Sql sql;

    private final MailTestServer mail = TestServers.mail();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.notifications.update-window", "3s");
        return properties;
    }

    @Test
    void twoChangesWithinTheWindowSendOneUpdateToAttendeesAndMembersAndSpeakersHearOfTheirNewSlot() {
        Scenario scenario = new Scenario();
        EventSnapshot published = scenario.publish(Fixtures.meetup13(UUID.randomUUID().toString(), scenario.groupId, scenario.speakers));
        scenario.awaitAnnounced();

        EventSnapshot moved = shifted(published, 1, published.venue(), 2);
        TopicWriter.publish(codec, new EventUpdated(moved, published, List.of(ChangeKind.TIME, ChangeKind.AGENDA), Instant.now()));
        VenueSnapshot station = new VenueSnapshot("venue-f", "Station F", "5 parvis Alan Turing", "Paris", "France", null);
        EventSnapshot movedAgain = shifted(published, 1, station, 3);
        TopicWriter.publish(codec, new EventUpdated(movedAgain, moved, List.of(ChangeKind.VENUE), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> scenario.attendeesAndMembers().stream()
                .allMatch(address -> mail.messagesTo(address).size() == 2));
        for (String address : scenario.attendeesAndMembers()) {
            List<ReceivedMail> updates = updates(address);
            assertThat(updates).as("one update for two changes, to " + address).hasSize(1);
        }
        ReceivedMail update = updates(scenario.confirmed).get(0);
        assertThat(update.subject()).isEqualTo("Modifié : Deep Learning Meetup #13");
        assertThat(update.text()).contains(
                "Date et heure", "mercredi 7 mars 2029, 19:00 – 22:00 (Europe/Paris)", "mercredi 7 mars 2029, 20:00 – 23:00 (Europe/Paris)",
                "Lieu", "Heuritech, 248 rue du Faubourg Saint-Antoine, Paris", "Station F, 5 parvis Alan Turing, Paris",
                scenario.confirmedManageUrl);
        assertThat(update.calendar()).contains("SEQUENCE:3", "DTSTART;TZID=Europe/Paris:20290307T200000");

        ReceivedMail slotChange = ReceivedMail.of(mail.messagesTo(scenario.speakers.get(0)).stream()
                .filter(message -> ReceivedMail.of(message).text().contains("Votre créneau a changé")).findFirst().orElseThrow());
        assertThat(slotChange.subject()).endsWith("est à 20:00–20:40");
        assertThat(slotChange.text()).contains("mercredi 7 mars 2029, 19:00–19:40");
    }

    @Test
    void theReminderIsScheduledMovedWithTheEventAndDeletedByACancellationWhichEveryoneHearsOf() {
        Scenario scenario = new Scenario();
        LocalDateTime start = LocalDateTime.now(ZoneId.of(Fixtures.PARIS)).plusDays(10).truncatedTo(ChronoUnit.HOURS);
        EventSnapshot published = scenario.publish(Fixtures.event(UUID.randomUUID().toString(), scenario.groupId, "Lightning talks",
                start.toString(), start.plusHours(2).toString(), 1, List.of()));
        scenario.awaitAnnounced();
        await().atMost(Duration.ofSeconds(10)).until(() -> dueAt(published.eventId()).isPresent());
        assertThat(dueAt(published.eventId())).contains(published.startsAtUtc().minus(Duration.ofHours(24)));

        EventSnapshot later = shifted(published, 48, published.venue(), 2);
        TopicWriter.publish(codec, new EventUpdated(later, published, List.of(ChangeKind.TIME), Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> dueAt(published.eventId())
                .equals(Optional.of(later.startsAtUtc().minus(Duration.ofHours(24)))));

        EventSnapshot cancelledEvent = withStatus(later, "CANCELLED", 3);
        TopicWriter.publish(codec, new EventCancelled(cancelledEvent, "La salle n'est plus disponible", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> scenario.attendeesAndMembers().stream()
                .allMatch(address -> mail.messagesTo(address).stream().anyMatch(message -> ReceivedMail.of(message).subject().startsWith("Annulé"))));
        assertThat(dueAt(published.eventId())).isEmpty();
        for (String address : scenario.attendeesAndMembers()) {
            List<ReceivedMail> received = mail.messagesTo(address).stream().map(ReceivedMail::of).toList();
            assertThat(received).filteredOn(message -> message.subject().startsWith("Annulé")).hasSize(1);
            assertThat(received).as("the update window was cut short by the cancellation")
                    .noneMatch(message -> message.subject().startsWith("Modifié"));
        }
        ReceivedMail cancellation = ReceivedMail.of(mail.messagesTo(scenario.confirmed).stream()
                .filter(message -> ReceivedMail.of(message).subject().startsWith("Annulé")).findFirst().orElseThrow());
        assertThat(cancellation.text()).contains("Lightning talks est annulé.", "La salle n'est plus disponible");
        assertThat(cancellation.calendar()).contains("METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:3");
    }

    @Test
    void attendeesOfAnEventStartingWithinTheReminderOffsetGetTheReminderOnce() {
        Scenario scenario = new Scenario();
        LocalDateTime start = LocalDateTime.now(ZoneId.of(Fixtures.PARIS)).plusHours(3).truncatedTo(ChronoUnit.MINUTES);
        EventSnapshot event = scenario.publish(Fixtures.event(UUID.randomUUID().toString(), scenario.groupId, "Deep Learning Meetup #14",
                start.toString(), start.plusHours(2).toString(), 1, List.of()));
        scenario.awaitAnnounced();

        await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(scenario.confirmed).stream()
                .anyMatch(message -> ReceivedMail.of(message).subject().startsWith("Demain")));
        ReceivedMail reminder = ReceivedMail.of(mail.messagesTo(scenario.confirmed).stream()
                .filter(message -> ReceivedMail.of(message).subject().startsWith("Demain")).findFirst().orElseThrow());
        assertThat(reminder.text()).contains("Deep Learning Meetup #14 commence bientôt", "Heuritech", scenario.confirmedManageUrl);
        assertThat(dueAt(event.eventId())).isEmpty();
        assertThat(mail.messagesTo(scenario.waitlisted)).noneMatch(message -> ReceivedMail.of(message).subject().startsWith("Demain"));
        assertThat(mail.messagesTo(scenario.confirmed)).filteredOn(message -> ReceivedMail.of(message).subject().startsWith("Demain"))
                .hasSize(1);
    }

    private Optional<Instant> dueAt(String eventId) {
        return sql.one("SELECT due_at FROM reminder WHERE event_id = ?", row -> Sql.instant(row, "due_at"), eventId);
    }

    private List<ReceivedMail> updates(String address) {
        return mail.messagesTo(address).stream().map(ReceivedMail::of).filter(message -> message.subject().startsWith("Modifié")).toList();
    }

    private static EventSnapshot shifted(EventSnapshot event, int hours, VenueSnapshot venue, int sequence) {
        List<AgendaSlotSnapshot> agenda = event.agenda().stream().map(slot -> new AgendaSlotSnapshot(slot.slotId(),
                slot.startsAt().plusHours(hours), slot.endsAt().plusHours(hours), slot.track(), slot.room(), slot.kind(), slot.title(),
                slot.talkId(), slot.speakers(), slot.abstractText())).toList();
        return new EventSnapshot(event.eventId(), event.groupId(), event.groupSlug(), event.groupName(), event.language(), event.number(),
                event.title(), event.description(), event.status(), event.startsAt().plusHours(hours), event.endsAt().plusHours(hours),
                event.timeZone(), event.startsAtUtc().plus(Duration.ofHours(hours)), event.endsAtUtc().plus(Duration.ofHours(hours)),
                venue, event.capacity(), sequence, event.url(), agenda);
    }

    private static EventSnapshot withStatus(EventSnapshot event, String status, int sequence) {
        return new EventSnapshot(event.eventId(), event.groupId(), event.groupSlug(), event.groupName(), event.language(), event.number(),
                event.title(), event.description(), status, event.startsAt(), event.endsAt(), event.timeZone(), event.startsAtUtc(),
                event.endsAtUtc(), event.venue(), event.capacity(), sequence, event.url(), event.agenda());
    }

    /** A group with one member, and once published, one confirmed and one waitlisted attendee. */
    private final class Scenario {
        final String groupId = UUID.randomUUID().toString();
        final String member = Fixtures.address("member");
        final String confirmed = Fixtures.address("confirmed");
        final String waitlisted = Fixtures.address("waitlisted");
        final String confirmedManageUrl = "https://events.podium.example/registrations/" + UUID.randomUUID() + "?token=t";
        final List<String> speakers = List.of(Fixtures.address("s1"), Fixtures.address("s2"), Fixtures.address("s3"));
        EventSnapshot event;

        Scenario() {
            TopicWriter.publish(codec, Fixtures.group(groupId, "fr", Fixtures.address("orla")));
            TopicWriter.publish(codec, Fixtures.member(groupId, member, true));
            await().atMost(Duration.ofSeconds(30)).until(() -> audience.members(groupId).size() == 1);
        }

        EventSnapshot publish(EventSnapshot snapshot) {
            event = snapshot;
            TopicWriter.publish(codec, new EventPublished(snapshot, Instant.now()));
            EventRef ref = new EventRef(snapshot.eventId(), groupId, snapshot.groupSlug(), snapshot.groupName(), snapshot.language(),
                    snapshot.number(), snapshot.title(), snapshot.status(), snapshot.startsAt(), snapshot.endsAt(), snapshot.timeZone(),
                    snapshot.startsAtUtc(), snapshot.endsAtUtc(), snapshot.venue(), snapshot.sequence(), snapshot.url());
            TopicWriter.publish(codec, new RegistrationConfirmed(new RegistrationSnapshot(UUID.randomUUID().toString(), snapshot.eventId(),
                    new PersonRef(null, "Camille", confirmed), "CONFIRMED", Instant.now(), null, confirmedManageUrl), ref));
            TopicWriter.publish(codec, new RegistrationWaitlisted(new RegistrationSnapshot(UUID.randomUUID().toString(), snapshot.eventId(),
                    new PersonRef(null, "Wendy", waitlisted), "WAITLISTED", Instant.now(), 1, null), ref));
            return snapshot;
        }

        /**
         * Announcement to the member, and each attendee's RSVP email, are in (an event starting
         * within the reminder offset may already have sent its reminder too).
         */
        void awaitAnnounced() {
            await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(member).size() >= 1
                    && !mail.messagesTo(confirmed).isEmpty() && !mail.messagesTo(waitlisted).isEmpty());
        }

        List<String> attendeesAndMembers() {
            return List.of(member, confirmed, waitlisted);
        }
    }
}
