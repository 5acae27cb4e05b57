package dev.podium.events.calendar;

import static dev.podium.events.calendar.AcceptedTalkFixtures.accept;
import static dev.podium.events.calendar.AcceptedTalkFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.events.EventsApi;
import dev.podium.events.EventsServiceTest;
import dev.podium.events.event.EventCompletionJob;
import dev.podium.events.event.EventStatus;
import dev.podium.events.event.EventView;
import dev.podium.events.talks.AcceptedTalkRepository;
import dev.podium.events.venue.VenueView;
import dev.podium.testsupport.ProblemResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;

/** GET /events/{id}/calendar.ics and /groups/{slug}/calendar.ics, read back by ical4j as calendar clients read them. */
@MicronautTest(transactional = false)
class CalendarFeedsTest extends EventsServiceTest {

    @Inject
    AcceptedTalkRepository talks;
    @Inject
    EventCompletionJob completionJob;

    @Test
    void servesThePublishedSeedMeetupWithItsAgendaAsACalendarEntry() {
        String group = api.createGroup(EventsApi.unique("paris-dl"), "Europe/Paris").slug();
        VenueView venue = api.createVenue(120);
        EventView meetup = api.draft(group, meetup13(venue.id()));
        ProblemResponse.of(() -> get("/events/" + meetup.id() + "/calendar.ics")).assertProblem(404, "not-found");

        api.publish(meetup.id());
        putSeedAgenda(meetup.id());
        HttpResponse<byte[]> response = get("/events/" + meetup.id() + "/calendar.ics");

        assertThat(response.header("Content-Type")).isEqualToIgnoringWhitespace("text/calendar; charset=utf-8");
        Calendar calendar = parse(response);
        assertThat(value(calendar, Property.PRODID)).isEqualTo("-//Podium//Podium Events//EN");
        assertThat(value(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        assertThat(zoneIds(calendar)).containsExactly("Europe/Paris");
        VEvent event = onlyEvent(calendar);
        assertThat(value(event, Property.UID)).isEqualTo(meetup.id() + "@podium");
        assertThat(value(event, Property.DTSTAMP)).as("from the service's clock").isEqualTo("20290115T100000Z");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Deep Learning Meetup #13");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.URL)).endsWith("/events/" + meetup.id());
        assertThat(value(event, Property.LOCATION)).isEqualTo("Heuritech, 248 rue du Faubourg Saint-Antoine, Paris, France");
        assertStartsAt(event, "2029-03-07T19:00", "2029-03-07T18:00:00Z");
        assertThat(value(event, Property.DESCRIPTION))
                .startsWith("Dear DeepLearners, our next Meetup is a bit more focused on research than usual… 🧠")
                .contains("19:00–19:40 Generalization in Deep networks — Olivier Grisel (ML Expert - Software Engineer at INRIA)")
                .contains("— Diogo Luvizon (PhD Candidate at ETIS - Université de Cergy)")
                .contains("21:00–22:00 Pizzas and drinks 🍕");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("@example.org");
    }

    @Test
    void raisesTheSequenceOnARescheduleAndKeepsACancelledEventAsCancelled() {
        String group = api.createGroup(EventsApi.unique("paris-move"), "Europe/Paris").slug();
        EventView meetup = api.draft(group, meetup13(api.createVenue(80).id()));
        api.publish(meetup.id());
        assertThat(value(onlyEvent(ics("/events/" + meetup.id() + "/calendar.ics")), Property.SEQUENCE)).isEqualTo("1");

        api.patch(meetup.id(), Map.of("startsAt", "2029-03-07T20:00:00", "endsAt", "2029-03-07T23:00:00"));
        VEvent moved = onlyEvent(ics("/events/" + meetup.id() + "/calendar.ics"));
        assertThat(value(moved, Property.SEQUENCE)).isEqualTo("2");
        assertStartsAt(moved, "2029-03-07T20:00", "2029-03-07T19:00:00Z");

        client.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/events/" + meetup.id() + "/cancel", Map.of("reason", "The room is flooded"))));
        VEvent cancelled = onlyEvent(ics("/events/" + meetup.id() + "/calendar.ics"));
        assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("3");
        VEvent inFeed = onlyEvent(ics("/groups/" + group + "/calendar.ics"));
        assertThat(value(inFeed, Property.UID)).isEqualTo(meetup.id() + "@podium");
        assertThat(value(inFeed, Property.STATUS)).as("stays in the feed so subscribers remove it").isEqualTo("CANCELLED");
        assertThat(value(inFeed, Property.SEQUENCE)).isEqualTo("3");
    }

    @Test
    void aGroupFeedHoldsPublishedCancelledAndCompletedEventsButNoDraft() {
        String group = api.createGroup(EventsApi.unique("paris-feed"), "Europe/Paris").slug();
        String venueId = api.createVenue(100).id();
        EventView completed = publish(group, "Deep Learning Meetup #12", "2029-01-24T19:00:00", venueId);
        clock.set(Instant.parse("2029-01-25T08:00:00Z"));
        try {
            completionJob.completeEndedEvents();
        } finally {
            clock.set(NOW);
        }
        EventView beforeSwitch = publish(group, "Deep Learning Meetup #14", "2029-03-21T19:00:00", venueId);
        EventView afterSwitch = publish(group, "Deep Learning Meetup #15 — lieu à confirmer", "2029-03-28T19:00:00", null);
        EventView cancelled = publish(group, "Deep Learning Meetup #16", "2029-04-04T19:00:00", venueId);
        client.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/events/" + cancelled.id() + "/cancel", Map.of())));
        EventView draft = api.draft(group, Map.of("title", "Deep Learning Meetup #17", "startsAt", "2029-04-11T19:00:00",
                "endsAt", "2029-04-11T22:00:00"));
        assertThat(api.get(completed.id()).status()).isEqualTo(EventStatus.COMPLETED);
        assertThat(api.get(draft.id()).status()).isEqualTo(EventStatus.DRAFT);

        Calendar feed = ics("/groups/" + group + "/calendar.ics");

        assertThat(value(feed, "X-WR-CALNAME")).isEqualTo("Paris Deep Learning");
        assertThat(value(feed, Property.METHOD)).isEqualTo("PUBLISH");
        assertThat(zoneIds(feed)).as("one VTIMEZONE for the zone all events share").containsExactly("Europe/Paris");
        List<VEvent> events = feed.getComponents(Component.VEVENT);
        assertThat(events).extracting(event -> value(event, Property.UID)).containsExactly(
                completed.id() + "@podium", beforeSwitch.id() + "@podium", afterSwitch.id() + "@podium", cancelled.id() + "@podium");
        assertThat(events).extracting(event -> value(event, Property.STATUS))
                .containsExactly("CONFIRMED", "CONFIRMED", "CONFIRMED", "CANCELLED");
        assertStartsAt(events.get(1), "2029-03-21T19:00", "2029-03-21T18:00:00Z");
        assertStartsAt(events.get(2), "2029-03-28T19:00", "2029-03-28T17:00:00Z");
        assertThat(events.get(2).getProperty(Property.LOCATION)).as("venue to be announced").isEmpty();
        assertThat(value(events.get(2), Property.SUMMARY)).isEqualTo("Deep Learning Meetup #15 — lieu à confirmer");
        assertThat(events.get(1).getProperty(Property.LOCATION)).isPresent();
    }

    @Test
    void leavesAPublishedEventOutOfCalendarsUntilItHasADate() {
        String group = api.createGroup(EventsApi.unique("paris-tba"), "Europe/Paris").slug();
        EventView dated = publish(group, "Deep Learning Jump-Start", "2029-02-07T19:00:00", null);
        EventView tba = api.draft(group, Map.of("title", "NeurIPS Lightning Talks"));
        api.publish(tba.id());

        // RFC 5545 has no VEVENT without DTSTART: a feed leaves it out, its own file is not there yet.
        assertThat(ics("/groups/" + group + "/calendar.ics").<VEvent>getComponents(Component.VEVENT))
                .extracting(event -> value(event, Property.UID)).containsExactly(dated.id() + "@podium");
        ProblemResponse.of(() -> get("/events/" + tba.id() + "/calendar.ics")).assertProblem(404, "not-found");
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.GET("/events/" + tba.id() + "/schedule.json"), String.class))
                .assertProblem(404, "not-found");

        api.patch(tba.id(), Map.of("startsAt", "2029-02-26T19:00:00", "endsAt", "2029-02-26T21:00:00"));

        List<VEvent> events = ics("/groups/" + group + "/calendar.ics").getComponents(Component.VEVENT);
        assertThat(events).extracting(event -> value(event, Property.UID)).containsExactly(dated.id() + "@podium", tba.id() + "@podium");
        assertStartsAt(events.get(1), "2029-02-26T19:00", "2029-02-26T18:00:00Z");
        assertThat(value(events.get(1), Property.SEQUENCE)).as("published, then dated").isEqualTo("2");
        assertThat(value(onlyEvent(ics("/events/" + tba.id() + "/calendar.ics")), Property.UID)).isEqualTo(tba.id() + "@podium");
    }

    @Test
    void answersUnknownEventsAndGroupsWithProblems() {
        ProblemResponse.of(() -> get("/events/no-such-event/calendar.ics")).assertProblem(404, "not-found");
        ProblemResponse.of(() -> get("/groups/no-such-group/calendar.ics")).assertProblem(404, "not-found");
    }

    private EventView publish(String group, String title, String startsAt, String venueId) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("startsAt", startsAt);
        body.put("endsAt", LocalDateTime.parse(startsAt).plusHours(3).toString());
        if (venueId != null) {
            body.put("venueId", venueId);
        }
        EventView event = api.draft(group, body);
        api.publish(event.id());
        return event;
    }

    private void putSeedAgenda(String eventId) {
        String grisel = accept(talks, eventId, "Generalization in Deep networks",
                "An overview of recent theoretical results on why deep learning models work so well (when they work).",
                "Olivier Grisel", "ML Expert - Software Engineer at INRIA");
        String mensch = accept(talks, eventId, "Differentiable Dynamic Programming for Structured Prediction and Attention",
                "We propose to smooth the max operator in the dynamic programming recursion.",
                "Arthur Mensch", "PhD Candidate at INRIA Parietal");
        String luvizon = accept(talks, eventId, "2D/3D Pose Estimation and Action Recognition using Multitask Deep Learning",
                "A multitask framework for jointly 2D and 3D pose estimation and action recognition.",
                "Diogo Luvizon", "PhD Candidate at ETIS - Université de Cergy");
        client.toBlocking().retrieve(api.asOrganiser(HttpRequest.PUT("/events/" + eventId + "/agenda", Map.of("slots", List.of(
                slot("2029-03-07T19:00:00", "2029-03-07T19:40:00", "TALK", "Generalization in Deep networks", grisel, null, null),
                slot("2029-03-07T19:40:00", "2029-03-07T20:20:00", "TALK",
                        "Differentiable Dynamic Programming for Structured Prediction and Attention", mensch, null, null),
                slot("2029-03-07T20:20:00", "2029-03-07T21:00:00", "TALK",
                        "2D/3D Pose Estimation and Action Recognition using Multitask Deep Learning", luvizon, null, null),
                slot("2029-03-07T21:00:00", "2029-03-07T22:00:00", "SOCIAL", "Pizzas and drinks 🍕", null, null, null))))));
    }

    private static Map<String, Object> meetup13(String venueId) {
        return Map.of("title", "Deep Learning Meetup #13", "number", 13,
                "description", "Dear DeepLearners, our next Meetup is a bit more focused on research than usual… 🧠 To those afraid of math, beware!",
                "startsAt", "2029-03-07T19:00:00", "endsAt", "2029-03-07T22:00:00", "venueId", venueId);
    }

    private HttpResponse<byte[]> get(String uri) {
        return client.toBlocking().exchange(HttpRequest.GET(uri).accept("text/calendar"), byte[].class);
    }

    private Calendar ics(String uri) {
        return parse(get(uri));
    }

    private static Calendar parse(HttpResponse<byte[]> response) {
        try {
            return new CalendarBuilder().build(new ByteArrayInputStream(response.body()));
        } catch (Exception e) {
            throw new AssertionError("not parseable by ical4j:\n" + new String(response.body(), StandardCharsets.UTF_8), e);
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

    /** DTSTART carries TZID=Europe/Paris and the local time; ical4j resolves it to the instant given. */
    private static void assertStartsAt(VEvent event, String localTime, String instant) {
        Property start = event.getProperty(Property.DTSTART).orElseThrow();
        assertThat(start.getParameter(Parameter.TZID).map(Parameter::getValue)).hasValue("Europe/Paris");
        ZonedDateTime parsed = (ZonedDateTime) ((DateProperty<?>) start).getDate();
        assertThat(parsed.toLocalDateTime()).isEqualTo(LocalDateTime.parse(localTime));
        assertThat(parsed.toInstant()).isEqualTo(Instant.parse(instant));
    }
}
