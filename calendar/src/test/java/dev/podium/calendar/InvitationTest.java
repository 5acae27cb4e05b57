package dev.podium.calendar;

import static dev.podium.calendar.SeedEvents.HEURITECH;
import static dev.podium.calendar.SeedEvents.event;
import static dev.podium.calendar.SeedEvents.meetup13;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podium.contracts.events.EventSnapshot;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class InvitationTest {

    private static final Instant STAMP = Instant.parse("2029-01-15T10:00:00Z");
    private static final Organizer GROUP = new Organizer("Paris \"Deep\" Learning, Meetup", "rsvp@podium.example");

    @Test
    void eachCopyNamesTheGroupAsOrganizerAndItsRecipientAsTheAttendeeUnderTheirOwnUid() throws Exception {
        String shared = Invitation.shared(meetup13(), CalendarMethod.REQUEST, GROUP, STAMP);
        assertThat(Invitation.isShared(shared)).isTrue();

        VEvent zoe = onlyEvent(Invitation.forAttendee(shared, "evt-dl-13.abc@podium.example",
                new Attendee("zoe@example.org", "Zoë Ñúñez", Participation.NEEDS_ACTION)));
        VEvent ada = onlyEvent(Invitation.forAttendee(shared, "evt-dl-13.def@podium.example",
                new Attendee("ada@example.org", "Ada", Participation.ACCEPTED)));

        assertThat(zoe.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("evt-dl-13.abc@podium.example");
        assertThat(ada.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("evt-dl-13.def@podium.example");
        Property organizer = zoe.getProperty(Property.ORGANIZER).orElseThrow();
        assertThat(organizer.getValue()).isEqualTo("mailto:rsvp@podium.example");
        assertThat(organizer.getParameter(Parameter.CN).orElseThrow().getValue()).isEqualTo("Paris 'Deep' Learning, Meetup");
        Property attendee = zoe.getProperty(Property.ATTENDEE).orElseThrow();
        assertThat(attendee.getValue()).isEqualTo("mailto:zoe@example.org");
        assertThat(attendee.getParameter(Parameter.CN).orElseThrow().getValue()).isEqualTo("Zoë Ñúñez");
        assertThat(attendee.getParameter(Parameter.PARTSTAT).orElseThrow().getValue()).isEqualTo("NEEDS-ACTION");
        assertThat(attendee.getParameter(Parameter.ROLE).orElseThrow().getValue()).isEqualTo("REQ-PARTICIPANT");
        assertThat(attendee.getParameter(Parameter.RSVP).orElseThrow().getValue()).isEqualTo("TRUE");
        assertThat(ada.getProperty(Property.ATTENDEE).orElseThrow().getParameter(Parameter.PARTSTAT).orElseThrow().getValue())
                .isEqualTo("ACCEPTED");
        assertThat(zoe.getProperty(Property.DTSTAMP).orElseThrow().getValue()).isEqualTo("20290115T100000Z");
        assertThat(zoe.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
        assertThat(zoe.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(zoe.getProperty("X-PODIUM-ATTENDEE-SLOT")).isEmpty();
    }

    @Test
    void aLongAttendeeLineIsFoldedAtSeventyFiveOctetsLikeTheRest() {
        String shared = Invitation.shared(meetup13(), CalendarMethod.REQUEST, GROUP, STAMP);
        String copy = Invitation.forAttendee(shared, "evt-dl-13." + "x".repeat(40) + "@podium.example",
                new Attendee("a.very.long.address.of.someone@a-very-long-domain.example.org", "Émilie 🎉 ".repeat(6),
                        Participation.TENTATIVE));

        for (String line : copy.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(onlyEvent(copy).getProperty(Property.ATTENDEE).orElseThrow().getParameter(Parameter.CN).orElseThrow()
                .getValue()).isEqualTo(("Émilie 🎉 ".repeat(6)).strip());
    }

    @Test
    void cancellingTheEventSaysCancelledWithdrawingOneInvitationDoesNot() {
        EventSnapshot cancelled = event("evt-dl-13", 13, "Deep Learning Meetup #13", null, "CANCELLED",
                "2029-03-07T19:00", "2029-03-07T22:00", "Europe/Paris", HEURITECH, 2, List.of());
        Attendee zoe = new Attendee("zoe@example.org", "Zoë", Participation.ACCEPTED);

        VEvent eventCancelled = onlyEvent(Invitation.forAttendee(
                Invitation.shared(cancelled, CalendarMethod.CANCEL, GROUP, STAMP), "u1@podium.example", zoe));
        VEvent withdrawn = onlyEvent(Invitation.forAttendee(
                Invitation.shared(meetup13(), CalendarMethod.CANCEL, GROUP, STAMP), "u1@podium.example", zoe));

        assertThat(eventCancelled.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(withdrawn.getProperty(Property.STATUS)).as("RFC 5546 §3.2.5: uninviting an attendee has no STATUS")
                .isEmpty();
        assertThat(withdrawn.getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualTo("mailto:zoe@example.org");
    }

    @Test
    void anInvitationIsNeverAPublishAndNeedsAnAddressForReplies() {
        assertThatThrownBy(() -> Invitation.shared(meetup13(), CalendarMethod.PUBLISH, GROUP, STAMP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Organizer("Group", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredCalendarWithoutSlotIsSentAsItIs() {
        String old = EventCalendar.single(meetup13(), CalendarMethod.REQUEST, STAMP);
        assertThat(Invitation.forAttendee(old, "u@x", new Attendee("a@b.c", null, null))).isEqualTo(old);
    }

    @Test
    void readsAddressesOfCalendarUsersAsClientsWriteThem() {
        assertThat(MailtoAddress.addressOf("MAILTO:Zoe@Example.org")).isEqualTo("zoe@example.org");
        assertThat(MailtoAddress.addressOf("mailto:zo%C3%AB@example.org")).isEqualTo("zoë@example.org");
        assertThat(MailtoAddress.addressOf("https://example.org")).isNull();
        assertThat(MailtoAddress.addressOf("mailto:")).isNull();
        assertThat(Participation.ofValue("accepted")).contains(Participation.ACCEPTED);
        assertThat(Participation.ofValue("DELEGATED")).isEmpty();
    }

    private static VEvent onlyEvent(String calendar) {
        try {
            Calendar parsed = new CalendarBuilder().build(new ByteArrayInputStream(calendar.getBytes(StandardCharsets.UTF_8)));
            List<VEvent> events = parsed.getComponents(Component.VEVENT);
            assertThat(events).hasSize(1);
            return events.get(0);
        } catch (Exception e) {
            throw new AssertionError(calendar, e);
        }
    }
}
