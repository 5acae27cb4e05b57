package dev.podium.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.notifications.audience.Audience;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AnnouncementTest implements RealServers {

    @Inject
    MessageCodec codec;

    @Inject
    Audience audience;

    private final MailTestServer mail = TestServers.mail();

    @Test
    void everyConfirmedMemberGetsOneAnnouncementWithTheThreeAbstractsAndACalendarEntryAt19hParisTime() throws Exception {
        String groupId = UUID.randomUUID().toString();
        List<String> members = List.of(Fixtures.address("ada"), Fixtures.address("bob"), Fixtures.address("chloe"));
        String pending = Fixtures.address("pending");
        List<String> speakers = List.of(Fixtures.address("olivier"), Fixtures.address("arthur"), Fixtures.address("diogo"));
        TopicWriter.publish(codec, Fixtures.group(groupId, "fr", Fixtures.address("orla")));
        members.forEach(member -> TopicWriter.publish(codec, Fixtures.member(groupId, member, true)));
        TopicWriter.publish(codec, Fixtures.member(groupId, pending, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> audience.members(groupId).size() == 3);

        EventSnapshot event = Fixtures.meetup13(UUID.randomUUID().toString(), groupId, speakers);
        EventPublished published = new EventPublished(event, Instant.now());
        TopicWriter.publish(codec, published);
        TopicWriter.publish(codec, published); // a redelivery with another message id: still one announcement

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Stream.concat(members.stream(), speakers.stream()).map(address -> mail.messagesTo(address).size()))
                .as("messages per member and speaker")
                .containsOnly(1));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> members.stream().allMatch(member -> mail.messagesTo(member).size() == 1));
        assertThat(mail.messagesTo(pending)).as("pending members get the opt-in email only, not announcements")
                .allMatch(message -> !ReceivedMail.of(message).subject().contains("Meetup #13"));

        ReceivedMail announcement = ReceivedMail.of(mail.messagesTo(members.get(0)).get(0));
        assertThat(announcement.subject()).isEqualTo("Paris Deep Learning : Deep Learning Meetup #13");
        for (Fixtures.SeedTalk talk : Fixtures.meetup13Talks()) {
            assertThat(announcement.text()).contains(talk.title(), talk.abstractText(), talk.speaker() + " (" + talk.affiliation() + ")");
            assertThat(announcement.html()).contains(talk.abstractText().replace("'", "&#39;"), talk.affiliation());
        }
        assertThat(announcement.text()).contains("mercredi 7 mars 2029, 19:00 – 22:00 (Europe/Paris)", "Université de Cergy",
                "Pizzas 🍕 et boissons", "🧮", "Heuritech, 248 rue du Faubourg Saint-Antoine, Paris");
        assertThat(announcement.html()).contains("Université de Cergy", "🍕", "Programme");
        assertThat(announcement.header("List-Unsubscribe")).startsWith("<http://localhost:8083/unsubscribe?token=");
        assertThat(announcement.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        Calendar calendar = new CalendarBuilder().build(new StringReader(announcement.calendar()));
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent vEvent = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(vEvent.getProperty("UID").orElseThrow().getValue()).startsWith(event.eventId() + ".").endsWith("@podium.localhost");
        Property organizer = vEvent.getProperty("ORGANIZER").orElseThrow();
        assertThat(organizer.getValue()).isEqualTo("mailto:rsvp@podium.localhost");
        assertThat(organizer.getParameter("CN").orElseThrow().getValue()).isEqualTo(event.groupName());
        Property attendee = vEvent.getProperty("ATTENDEE").orElseThrow();
        assertThat(attendee.getValue()).isEqualToIgnoringCase("mailto:" + members.get(0));
        assertThat(attendee.getParameter("PARTSTAT").orElseThrow().getValue()).isEqualTo("NEEDS-ACTION");
        assertThat(attendee.getParameter("RSVP").orElseThrow().getValue()).isEqualTo("TRUE");
        assertThat(attendee.getParameter("ROLE").orElseThrow().getValue()).isEqualTo("REQ-PARTICIPANT");
        ReceivedMail another = ReceivedMail.of(mail.messagesTo(members.get(1)).get(0));
        VEvent anotherEvent = (VEvent) new CalendarBuilder().build(new StringReader(another.calendar())).getComponent("VEVENT").orElseThrow();
        assertThat(anotherEvent.getProperty("UID").orElseThrow().getValue()).as("each member's invitation has its own UID")
                .isNotEqualTo(vEvent.getProperty("UID").orElseThrow().getValue());
        assertThat(anotherEvent.getProperty("ATTENDEE").orElseThrow().getValue()).isEqualToIgnoringCase("mailto:" + members.get(1));
        assertThat(mimeTypesInOrder(announcement.message())).as("the invitation inline in the alternative, and attached")
                .containsExactly("multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/calendar", "application/ics");
        assertThat(vEvent.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        DtStart<?> start = vEvent.getProperty("DTSTART").map(DtStart.class::cast).orElseThrow();
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Paris");
        assertThat(start.getValue()).isEqualTo("20290307T190000");

        ReceivedMail slot = ReceivedMail.of(mail.messagesTo(speakers.get(1)).get(0));
        assertThat(slot.subject()).isEqualTo("Votre talk « Differentiable Dynamic Programming for Structured Prediction and Attention » est à 19:40–20:20");
        assertThat(slot.text()).contains("mercredi 7 mars 2029, 19:40–20:20");
    }

    @Test
    void theCalendarPartsMimeMethodIsTheCalendarsMethodEvenWhenTheTitleSaysMethodCancel() throws Exception {
        String groupId = UUID.randomUUID().toString();
        String member = Fixtures.address("literal");
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", Fixtures.address("orla")));
        TopicWriter.publish(codec, Fixtures.member(groupId, member, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> audience.members(groupId).size() == 1);

        EventSnapshot event = Fixtures.event(UUID.randomUUID().toString(), groupId, "Why METHOD:CANCEL is not a cancellation",
                "2029-03-07T19:00", "2029-03-07T22:00", 1, List.of());
        TopicWriter.publish(codec, new EventPublished(event, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(member).size() == 1);

        ReceivedMail announcement = ReceivedMail.of(mail.messagesTo(member).get(0));
        assertThat(announcement.calendar()).contains("METHOD:REQUEST", "METHOD:CANCEL is not");
        assertThat(calendarContentType(announcement.message())).contains("method=REQUEST").doesNotContain("CANCEL");
    }

    @Test
    void anImportedMemberIsToldWhoAddedThemNextToTheUnsubscribeLinkAndAMemberWhoJoinedIsNot() {
        String groupId = UUID.randomUUID().toString();
        String imported = Fixtures.address("imported");
        String joined = Fixtures.address("joined");
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", Fixtures.address("orla")));
        TopicWriter.publish(codec, Fixtures.imported(groupId, imported, "Loïc Dupré"));
        TopicWriter.publish(codec, Fixtures.member(groupId, joined, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> audience.members(groupId).size() == 2);

        TopicWriter.publish(codec, new EventPublished(Fixtures.event(UUID.randomUUID().toString(), groupId, "Imports night",
                "2029-03-07T19:00", "2029-03-07T22:00", 1, List.of()), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(imported).size() == 1 && mail.messagesTo(joined).size() == 1);

        ReceivedMail toImported = ReceivedMail.of(mail.messagesTo(imported).get(0));
        // The event's group writes in French (Fixtures.event).
        String notice = "parce que Loïc Dupré, organisateur ou organisatrice de Paris Deep Learning, a ajouté votre adresse à ses membres";
        assertThat(toImported.text()).contains(notice, "Se désabonner de Paris Deep Learning: http://localhost:8083/unsubscribe?token=");
        assertThat(toImported.html()).contains(notice);
        assertThat(toImported.header("List-Unsubscribe")).startsWith("<http://localhost:8083/unsubscribe?token=");
        ReceivedMail toJoined = ReceivedMail.of(mail.messagesTo(joined).get(0));
        assertThat(toJoined.text()).contains("Vous recevez cet email en tant que membre de Paris Deep Learning.")
                .doesNotContain("a ajouté votre adresse");
    }

    private static List<String> mimeTypesInOrder(jakarta.mail.Part part) throws Exception {
        List<String> types = new java.util.ArrayList<>();
        types.add(part.getContentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT));
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                types.addAll(mimeTypesInOrder(multipart.getBodyPart(i)));
            }
        }
        return types;
    }

    private static String calendarContentType(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            return part.getContentType();
        }
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = calendarContentType(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
