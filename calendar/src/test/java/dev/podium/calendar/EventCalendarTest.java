package dev.podium.calendar;

import static dev.podium.calendar.SeedEvents.HEURITECH;
import static dev.podium.calendar.SeedEvents.event;
import static dev.podium.calendar.SeedEvents.meetup13;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podium.contracts.events.AgendaSlotSnapshot;
import dev.podium.contracts.events.EventSnapshot;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneUpdater;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;

class EventCalendarTest {

    private static final Instant STAMP = Instant.parse("2029-01-15T10:00:00Z");

    @Test
    void theMethodIsTheCalendarsOwnPropertyNotTextThatLooksLikeIt() {
        EventSnapshot tricky = event("evt-tricky", 13, "METHOD:CANCEL, said the title", "First line\nMETHOD:CANCEL\nlast line",
                "PUBLISHED", "2029-03-07T19:00", "2029-03-07T22:00", "Europe/Paris", HEURITECH, 1, meetup13().agenda());
        String request = EventCalendar.single(tricky, CalendarMethod.REQUEST, STAMP);

        assertThat(request).contains("METHOD:CANCEL");
        assertThat(EventCalendar.methodOf(request)).contains(CalendarMethod.REQUEST);
        assertThat(EventCalendar.methodOf(EventCalendar.single(meetup13(), CalendarMethod.CANCEL, STAMP)))
                .contains(CalendarMethod.CANCEL);
        assertThat(EventCalendar.methodOf("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")).isEmpty();
    }

    @Test
    void rendersTheSeedMeetupAsAPublishedEntry() {
        Calendar calendar = parse(EventCalendar.single(meetup13(), CalendarMethod.PUBLISH, STAMP));

        assertThat(value(calendar, Property.PRODID)).isEqualTo("-//Podium//Podium Events//EN");
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(value(calendar, Property.CALSCALE)).isEqualTo("GREGORIAN");
        assertThat(value(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        assertThat(zoneIds(calendar)).containsExactly("Europe/Paris");

        VEvent event = onlyEvent(calendar);
        assertThat(value(event, Property.UID)).isEqualTo("evt-dl-13@podium");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20290115T100000Z");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Deep Learning Meetup #13");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.URL)).isEqualTo("https://podium.example/events/evt-dl-13");
        assertThat(value(event, Property.LOCATION)).isEqualTo("Heuritech, 248 rue du Faubourg Saint-Antoine, Paris, France");
        assertStartsAt(event, "Europe/Paris", "2029-03-07T19:00", "2029-03-07T18:00:00Z");
        assertThat(tzid(event, Property.DTEND)).isEqualTo("Europe/Paris");
        assertThat(local(event, Property.DTEND)).isEqualTo(LocalDateTime.parse("2029-03-07T22:00"));
        assertThat(value(event, Property.DESCRIPTION))
                .startsWith("Dear DeepLearners, our next Meetup is a bit more focused on research than usual…")
                .contains("\n\nAgenda\n19:00–19:40 Generalization in Deep networks — Olivier Grisel (ML Expert - Software Engineer at INRIA)\n")
                .contains("20:20–21:00 2D/3D Pose Estimation and Action Recognition using Multitask Deep Learning — Diogo Luvizon (PhD Candidate at ETIS - Université de Cergy)")
                .endsWith("21:00–22:00 Pizzas and drinks")
                .doesNotContain("@example.org");
    }

    @Test
    void keepsNineteenHundredsParisTimeTheWeekAfterTheDaylightSavingSwitch() {
        EventSnapshot before = event("evt-before", 15, "Deep Learning Meetup #15", null, "PUBLISHED",
                "2029-03-21T19:00", "2029-03-21T22:00", "Europe/Paris", HEURITECH, 1, List.of());
        EventSnapshot after = event("evt-after", 16, "Deep Learning Meetup #16", null, "PUBLISHED",
                "2029-03-28T19:00", "2029-03-28T22:00", "Europe/Paris", HEURITECH, 1, List.of());

        Calendar feed = parse(EventCalendar.feed("Paris Deep Learning", List.of(before, after), STAMP));

        assertThat(zoneIds(feed)).as("one VTIMEZONE per zone used").containsExactly("Europe/Paris");
        List<VEvent> events = feed.getComponents(Component.VEVENT);
        assertStartsAt(events.get(0), "Europe/Paris", "2029-03-21T19:00", "2029-03-21T18:00:00Z");
        assertStartsAt(events.get(1), "Europe/Paris", "2029-03-28T19:00", "2029-03-28T17:00:00Z");
    }

    @Test
    void leavesLocationOutWhileTheVenueIsToBeAnnounced() {
        EventSnapshot lightningNight = event("evt-sg", null, "Lightning talks night", "Next meeting: Date TBA, hosted at TBD",
                "PUBLISHED", "2029-02-21T19:00", "2029-02-21T21:00", "Asia/Singapore", null, 1, List.of());

        String text = EventCalendar.single(lightningNight, CalendarMethod.PUBLISH, STAMP);
        VEvent event = onlyEvent(parse(text));

        assertThat(event.getProperty(Property.LOCATION)).isEmpty();
        assertThat(zoneIds(parse(text))).containsExactly("Asia/Singapore");
        // The local time is written as given. (ical4j 4.1's own zone rules for Singapore are wrong, so
        // the instant it would compute on parsing is not asserted; calendar clients use the VTIMEZONE.)
        assertThat(text).contains("DTSTART;TZID=Asia/Singapore:20290221T190000\r\n");
        assertThat(text).contains("TZOFFSETTO:+0800\r\nDTSTART:19811231T233000\r\n");
    }

    @Test
    void marksACancelledEventCancelledWithTheSequenceItCarries() {
        EventSnapshot cancelled = event("evt-dl-13", 13, "Deep Learning Meetup #13", null, "CANCELLED",
                "2029-03-07T19:00", "2029-03-07T22:00", "Europe/Paris", HEURITECH, 3, List.of());

        VEvent inFeed = onlyEvent(parse(EventCalendar.feed("Paris Deep Learning", List.of(cancelled), STAMP)));
        assertThat(value(inFeed, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(inFeed, Property.SEQUENCE)).isEqualTo("3");

        Calendar cancellation = parse(EventCalendar.single(cancelled, CalendarMethod.CANCEL, STAMP));
        assertThat(value(cancellation, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(value(onlyEvent(cancellation), Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(onlyEvent(cancellation), Property.UID)).isEqualTo("evt-dl-13@podium");
    }

    @Test
    void aCancelMethodDocumentIsCancelledWhateverTheSnapshotStatus() {
        Calendar cancellation = parse(EventCalendar.single(meetup13(), CalendarMethod.CANCEL, STAMP));

        assertThat(value(onlyEvent(cancellation), Property.STATUS)).isEqualTo("CANCELLED");
    }

    @Test
    void invitationsAreRequestsAndDraftsAreTentative() {
        Calendar invitation = parse(EventCalendar.single(meetup13(), CalendarMethod.REQUEST, STAMP));
        assertThat(value(invitation, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(value(onlyEvent(invitation), Property.STATUS)).isEqualTo("CONFIRMED");

        EventSnapshot draft = event("evt-draft", 14, "Deep Learning Meetup #14", null, "DRAFT",
                "2029-04-04T19:00", "2029-04-04T22:00", "Europe/Paris", HEURITECH, 0, List.of());
        assertThat(value(onlyEvent(parse(EventCalendar.single(draft, CalendarMethod.PUBLISH, STAMP))), Property.STATUS))
                .isEqualTo("TENTATIVE");
    }

    @Test
    void keepsAccentsAndEmojiWholeAcrossFoldedLinesOfAtMost75Octets() {
        String title = "Rencontre #14 — café, réseaux de neurones et 🍕 après les présentations 🎉🎉🎉 ç’est génial ✨";
        String description = "Étude de l'apprentissage auto-supervisé 🌇🎓📹📊🤖🏃📖👄🌏🔥 ".repeat(8)
                + "\nSecond paragraph; with a comma, a backslash \\ and $\\mathbb{E}[x]$.";
        EventSnapshot event = event("evt-utf8", 14, title, description, "PUBLISHED", "2029-04-04T19:00",
                "2029-04-04T22:00", "Europe/Paris", HEURITECH, 1, List.of());

        String text = EventCalendar.single(event, CalendarMethod.PUBLISH, STAMP);

        assertThat(text).doesNotContain("?").endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).as("no bare line feed").doesNotContain("\n");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            assertThat(line.codePoints().anyMatch(c -> Character.isSurrogate((char) c))).as("split emoji in " + line).isFalse();
        }
        VEvent parsed = onlyEvent(parse(text));
        assertThat(value(parsed, Property.SUMMARY)).isEqualTo(title);
        assertThat(value(parsed, Property.DESCRIPTION)).isEqualTo(description.strip());
    }

    @Test
    void aFeedIsNamedHasOneTimeZoneEachAndLeavesOutEventsWithoutDate() {
        EventSnapshot paris = meetup13();
        EventSnapshot singapore = event("evt-sg", null, "Lightning talks night", null, "PUBLISHED",
                "2029-02-21T19:00", "2029-02-21T21:00", "Asia/Singapore", null, 1, List.of());
        EventSnapshot dateTba = event("evt-tba", null, "Lightning talks night", null, "CANCELLED", null, null,
                "Asia/Singapore", null, 1, List.of());

        Calendar feed = parse(EventCalendar.feed("Paris Deep Learning, et amis", List.of(paris, singapore, dateTba), STAMP));

        assertThat(value(feed, "X-WR-CALNAME")).isEqualTo("Paris Deep Learning, et amis");
        assertThat(zoneIds(feed)).containsExactly("Europe/Paris", "Asia/Singapore");
        assertThat(feed.<VEvent>getComponents(Component.VEVENT)).extracting(event -> value(event, Property.UID))
                .containsExactly("evt-dl-13@podium", "evt-sg@podium");
        assertThatThrownBy(() -> EventCalendar.single(dateTba, CalendarMethod.PUBLISH, STAMP))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aliasedZonesPointAtTheVTimeZoneTheyAreDefinedAs() {
        EventSnapshot kolkata = event("evt-in", 1, "Bangalore ML", null, "PUBLISHED",
                "2029-02-21T19:00", "2029-02-21T21:00", "Asia/Calcutta", null, 1, List.of());

        Calendar calendar = parse(EventCalendar.single(kolkata, CalendarMethod.PUBLISH, STAMP));

        assertThat(tzid(onlyEvent(calendar), Property.DTSTART)).isIn(zoneIds(calendar));
        assertStartsAt(onlyEvent(calendar), zoneIds(calendar).get(0), "2029-02-21T19:00", "2029-02-21T13:30:00Z");
    }

    @Test
    void datesTheAgendaOfASeveralDayEvent() {
        List<AgendaSlotSnapshot> slots = List.of(
                SeedEvents.talk("s2", "2029-07-03T09:00", "2029-07-03T10:30", "📹 Action Recognition",
                        SeedEvents.speaker("Cordelia Schmid", null)),
                SeedEvents.talk("s1", "2029-07-02T09:00", "2029-07-02T10:30", "🌇 Deep learning: past, present, and future",
                        SeedEvents.speaker("Yann LeCun", "VP & Chief AI Scientist @ FB, Professor @ NYU")));

        assertThat(EventCalendar.agenda(slots)).isEqualTo("""
                Agenda

                2029-07-02
                09:00–10:30 🌇 Deep learning: past, present, and future — Yann LeCun (VP & Chief AI Scientist @ FB, Professor @ NYU)

                2029-07-03
                09:00–10:30 📹 Action Recognition — Cordelia Schmid""");
    }

    @Test
    void neverFetchesTimeZoneDefinitionsOverTheNetwork() {
        assertThat(new TimeZoneUpdater().isEnabled()).isFalse();
    }

    private static Calendar parse(String text) {
        try {
            // Through UTF-8 bytes, as an HTTP client or a mail reader receives it.
            return new CalendarBuilder().build(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not parseable by ical4j:\n" + text, e);
        }
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static List<String> zoneIds(Calendar calendar) {
        return calendar.getComponents(Component.VTIMEZONE).stream()
                .map(zone -> zone.getProperty(Property.TZID).orElseThrow().getValue()).toList();
    }

    private static String value(Calendar calendar, String name) {
        return calendar.getProperty(name).map(Property::getValue).orElseThrow(() -> new AssertionError("no " + name));
    }

    private static String value(Component component, String name) {
        return component.getProperty(name).map(Property::getValue).orElseThrow(() -> new AssertionError("no " + name));
    }

    private static String tzid(Component component, String name) {
        Optional<Parameter> tzid = component.getProperty(name).orElseThrow().getParameter(Parameter.TZID);
        return tzid.map(Parameter::getValue).orElseThrow(() -> new AssertionError(name + " has no TZID"));
    }

    private static ZonedDateTime zoned(Component component, String name) {
        DateProperty<?> property = component.<DateProperty<?>>getProperty(name).orElseThrow();
        return (ZonedDateTime) property.getDate();
    }

    private static LocalDateTime local(Component component, String name) {
        return zoned(component, name).toLocalDateTime();
    }

    private static void assertStartsAt(VEvent event, String zone, String localTime, String instant) {
        assertThat(tzid(event, Property.DTSTART)).isEqualTo(zone);
        assertThat(local(event, Property.DTSTART)).isEqualTo(LocalDateTime.parse(localTime));
        assertThat(zoned(event, Property.DTSTART).toInstant()).isEqualTo(Instant.parse(instant));
    }
}
