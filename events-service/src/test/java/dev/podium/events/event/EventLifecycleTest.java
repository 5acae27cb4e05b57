package dev.podium.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.api.PageView;
import dev.podium.contracts.Topics;
import dev.podium.contracts.events.ChangeKind;
import dev.podium.contracts.events.EventCancelled;
import dev.podium.contracts.events.EventCompleted;
import dev.podium.contracts.events.EventCreated;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.events.EventsApi;
import dev.podium.events.EventsServiceTest;
import dev.podium.events.venue.VenueView;
import dev.podium.testsupport.ProblemResponse;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class EventLifecycleTest extends EventsServiceTest {

    @Inject
    EventCompletionJob completionJob;

    @Test
    void draftsPublishesReschedulesAndCancelsTheSeedMeetup() {
        String group = api.createGroup(EventsApi.unique("paris-dl"), "Europe/Paris").slug();
        VenueView venue = api.createVenue(120);

        EventView draft = api.draft(group, meetup13(venue.id()));
        assertThat(draft.status()).isEqualTo(EventStatus.DRAFT);
        assertThat(draft.startsAt()).isEqualTo(LocalDateTime.parse("2029-03-07T19:00:00"));
        assertThat(draft.timeZone()).isEqualTo("Europe/Paris");
        assertThat(draft.capacity()).as("defaults to the venue's").isEqualTo(120);
        assertThat(draft.venue().notes()).isEqualTo("Pizzas and drinks after the talks");
        EventCreated created = api.message(Topics.EVENTS, EventCreated.class, draft.id());
        assertThat(created.event().status()).isEqualTo("DRAFT");
        assertThat(created.event().groupSlug()).isEqualTo(group);

        EventView published = api.publish(draft.id());
        assertThat(published.status()).isEqualTo(EventStatus.PUBLISHED);
        assertThat(published.sequence()).isEqualTo(1);
        EventPublished announced = api.message(Topics.EVENTS, EventPublished.class, draft.id());
        assertThat(announced.event().startsAt()).isEqualTo(LocalDateTime.parse("2029-03-07T19:00:00"));
        assertThat(announced.event().startsAtUtc()).isEqualTo(Instant.parse("2029-03-07T18:00:00Z"));
        assertThat(announced.event().venue().city()).isEqualTo("Paris");
        assertThat(announced.event().sequence()).isEqualTo(1);

        EventView retitled = api.patch(draft.id(), Map.of("title", "Deep Learning Meetup #13 — research special"));
        assertThat(retitled.sequence()).as("a new title does not move the calendar entry").isEqualTo(1);

        EventView moved = api.patch(draft.id(), Map.of("startsAt", "2029-03-07T20:00:00", "endsAt", "2029-03-07T23:00:00"));
        assertThat(moved.sequence()).isEqualTo(2);
        List<EventUpdated> updates = api.messages(Topics.EVENTS, EventUpdated.class, draft.id(), 2);
        EventUpdated reschedule = updates.get(updates.size() - 1);
        assertThat(reschedule.changes()).containsExactly(ChangeKind.TIME);
        assertThat(reschedule.previous().startsAt()).isEqualTo(LocalDateTime.parse("2029-03-07T19:00:00"));
        assertThat(reschedule.event().startsAt()).isEqualTo(LocalDateTime.parse("2029-03-07T20:00:00"));
        assertThat(reschedule.event().sequence()).isEqualTo(2);

        EventView cancelled = client.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/events/" + draft.id() + "/cancel",
                Map.of("reason", "The room is flooded"))), EventView.class);
        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(cancelled.sequence()).isEqualTo(3);
        assertThat(api.message(Topics.EVENTS, EventCancelled.class, draft.id()).reason()).isEqualTo("The room is flooded");

        ProblemResponse.of(() -> api.patch(draft.id(), Map.of("title", "Too late"))).assertProblem(409, "event-closed");
        ProblemResponse.of(() -> api.publish(draft.id())).assertProblem(409, "not-a-draft");
    }

    @Test
    void keepsNineteenHundredsParisTimeAcrossTheDaylightSavingSwitch() {
        String group = api.createGroup(EventsApi.unique("paris-dst"), "Europe/Paris").slug();
        EventView before = api.draft(group, Map.of("title", "Before the switch", "startsAt", "2029-03-21T19:00:00", "endsAt", "2029-03-21T22:00:00"));
        EventView after = api.draft(group, Map.of("title", "After the switch", "startsAt", "2029-03-28T19:00:00", "endsAt", "2029-03-28T22:00:00"));

        assertThat(api.message(Topics.EVENTS, EventCreated.class, before.id()).event().startsAtUtc()).isEqualTo(Instant.parse("2029-03-21T18:00:00Z"));
        assertThat(api.message(Topics.EVENTS, EventCreated.class, after.id()).event().startsAtUtc()).isEqualTo(Instant.parse("2029-03-28T17:00:00Z"));
        assertThat(api.get(after.id()).startsAt()).isEqualTo(LocalDateTime.parse("2029-03-28T19:00:00"));

        EventView next = client.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/events/" + before.id() + "/next?weeksLater=1", Map.of())), EventView.class);
        assertThat(next.startsAt()).as("same weekday and local time, a week later").isEqualTo(LocalDateTime.parse("2029-03-28T19:00:00"));
        assertThat(api.message(Topics.EVENTS, EventCreated.class, next.id()).event().startsAtUtc()).isEqualTo(Instant.parse("2029-03-28T17:00:00Z"));
    }

    @Test
    void draftsTheNextMeetupOfASeries() {
        String group = api.createGroup(EventsApi.unique("paris-series"), "Europe/Paris").slug();
        VenueView venue = api.createVenue(80);
        EventView thirteen = api.draft(group, meetup13(venue.id()));

        EventView fourteen = client.toBlocking().retrieve(api.asOrganiser(HttpRequest.POST("/events/" + thirteen.id() + "/next", Map.of())), EventView.class);

        assertThat(fourteen.number()).isEqualTo(14);
        assertThat(fourteen.title()).isEqualTo("Deep Learning Meetup #14");
        assertThat(fourteen.startsAt()).isEqualTo(LocalDateTime.parse("2029-04-04T19:00:00"));
        assertThat(fourteen.startsAt().getDayOfWeek()).isEqualTo(thirteen.startsAt().getDayOfWeek());
        assertThat(fourteen.venue().id()).isEqualTo(venue.id());
        assertThat(fourteen.status()).isEqualTo(EventStatus.DRAFT);
    }

    @Test
    void publishesALightningTalkNightWithDateAndVenueToBeAnnouncedAndDatesItLater() {
        String group = api.createGroup(EventsApi.unique("sg-lightning"), "Asia/Singapore").slug();
        EventView dated = api.draft(group, Map.of("title", "Deep Learning Jump-Start", "startsAt", "2029-02-07T19:00:00",
                "endsAt", "2029-02-07T21:00:00"));
        api.publish(dated.id());

        EventView tba = api.draft(group, Map.of("title", "NeurIPS Lightning Talks", "description", "Next meeting: Date TBA, hosted at TBD"));
        assertThat(tba.startsAt()).isNull();
        assertThat(tba.venue()).isNull();
        assertThat(tba.timeZone()).isEqualTo("Asia/Singapore");

        EventView published = api.publish(tba.id());
        assertThat(published.status()).as("date and venue may stay to be announced").isEqualTo(EventStatus.PUBLISHED);
        assertThat(published.startsAt()).isNull();
        assertThat(published.sequence()).isEqualTo(1);
        EventPublished announced = api.message(Topics.EVENTS, EventPublished.class, tba.id());
        assertThat(announced.event().startsAt()).isNull();
        assertThat(announced.event().startsAtUtc()).isNull();
        assertThat(announced.event().venue()).isNull();
        assertThat(list("/events?group=" + group + "&when=upcoming").items()).as("upcoming, after the dated events")
                .extracting(EventView::title).containsExactly("Deep Learning Jump-Start", "NeurIPS Lightning Talks");
        assertThat(list("/events?group=" + group + "&when=past").items()).isEmpty();

        assertThat(api.patch(tba.id(), Map.of("title", "NeurIPS Lightning Talks (3 talks)")).startsAt())
                .as("other changes leave the date to be announced").isNull();
        EventView dating = api.patch(tba.id(), Map.of("startsAt", "2029-02-26T19:00:00", "endsAt", "2029-02-26T21:00:00"));
        assertThat(dating.startsAt()).isEqualTo(LocalDateTime.parse("2029-02-26T19:00:00"));
        assertThat(dating.sequence()).as("a new calendar entry version").isEqualTo(2);
        EventUpdated dated2 = api.messages(Topics.EVENTS, EventUpdated.class, tba.id(), 2).get(1);
        assertThat(dated2.changes()).containsExactly(ChangeKind.TIME);
        assertThat(dated2.previous().startsAt()).isNull();
        assertThat(dated2.event().startsAt()).isEqualTo(LocalDateTime.parse("2029-02-26T19:00:00"));

        Map<String, Object> noDates = new HashMap<>();
        noDates.put("startsAt", null);
        noDates.put("endsAt", null);
        assertThat(api.patch(tba.id(), noDates).startsAt()).as("a published event keeps the date it was given")
                .isEqualTo(LocalDateTime.parse("2029-02-26T19:00:00"));
        assertThat(list("/events?group=" + group + "&when=upcoming").items()).extracting(EventView::title)
                .containsExactly("Deep Learning Jump-Start", "NeurIPS Lightning Talks (3 talks)");
    }

    @Test
    void listsUpcomingAndPastEventsOfAGroupPageByPage() {
        String group = api.createGroup(EventsApi.unique("paris-list"), "Europe/Paris").slug();
        for (int month = 2; month <= 6; month++) {
            EventView event = api.draft(group, Map.of("title", "Meetup " + month, "startsAt", "2029-0" + month + "-07T19:00:00",
                    "endsAt", "2029-0" + month + "-07T22:00:00"));
            api.publish(event.id());
        }
        api.draft(group, Map.of("title", "A draft is not listed"));

        PageView<EventView> first = list("/events?group=" + group + "&when=upcoming&size=2");
        PageView<EventView> third = list("/events?group=" + group + "&when=upcoming&size=2&page=2");

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(EventView::title).containsExactly("Meetup 2", "Meetup 3");
        assertThat(third.items()).extracting(EventView::title).containsExactly("Meetup 6");

        clock.set(Instant.parse("2029-04-10T00:00:00Z"));
        try {
            assertThat(list("/events?group=" + group + "&when=past").items()).extracting(EventView::title)
                    .containsExactly("Meetup 4", "Meetup 3", "Meetup 2");
        } finally {
            clock.set(NOW);
        }
    }

    @Test
    void completesEndedEventsOnce() {
        String group = api.createGroup(EventsApi.unique("paris-done"), "Europe/Paris").slug();
        EventView event = api.draft(group, Map.of("title", "Short one", "startsAt", "2029-01-20T19:00:00", "endsAt", "2029-01-20T21:00:00"));
        api.publish(event.id());

        clock.set(Instant.parse("2029-01-20T20:30:00Z"));
        try {
            completionJob.completeEndedEvents();
            completionJob.completeEndedEvents();
        } finally {
            clock.set(NOW);
        }

        assertThat(api.get(event.id()).status()).isEqualTo(EventStatus.COMPLETED);
        assertThat(api.messages(Topics.EVENTS, EventCompleted.class, event.id(), 1)).hasSize(1);
        ProblemResponse.of(() -> api.patch(event.id(), Map.of("title", "Rewrite history"))).assertProblem(409, "event-closed");
    }

    @Test
    void answersBadInputWithProblemsAndWritesNothing() {
        String group = api.createGroup(EventsApi.unique("paris-bad"), "Europe/Paris").slug();

        ProblemResponse.of(() -> api.draft(group, Map.of("title", "x", "timeZone", "Mars/Olympus_Mons")))
                .assertProblem(400, "unknown-time-zone");
        ProblemResponse.of(() -> api.draft(group, Map.of("title", "x", "startsAt", "2029-03-07T22:00:00", "endsAt", "2029-03-07T19:00:00")))
                .assertProblem(422, "ends-before-start");
        ProblemResponse.of(() -> api.draft(group, Map.of("title", "x", "startsAt", "2029-03-07T19:00:00")))
                .assertProblem(422, "incomplete-dates");
        ProblemResponse.of(() -> api.draft(group, Map.of("title", "x", "venueId", "no-such-venue")))
                .assertProblem(404, "not-found");
        ProblemResponse.of(() -> api.draft("no-such-group", Map.of("title", "x"))).assertProblem(404, "not-found");
        ProblemResponse.of(() -> api.draft(group, Map.of("title", "x".repeat(201)))).assertStatus(400);
        ProblemResponse.of(() -> api.draft(group, Map.of("title", ""))).assertStatus(400);
        ProblemResponse.of(() -> api.draft(group, Map.of("title", "x", "capacity", "fifty"))).assertStatus(400);
        ProblemResponse.of(() -> api.draft(group, Map.of("title", "x", "startsAt", "next wednesday", "endsAt", "later"))).assertStatus(400);
        ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/groups/" + group + "/events", "{not json"))
                .contentType("application/json"))).assertStatus(400);
        ProblemResponse.of(() -> api.get("no-such-event")).assertStatus(404);
        ProblemResponse.of(() -> api.publish("no-such-event")).assertProblem(404, "not-found");
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.GET("/events?when=someday"))).assertStatus(400);
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.GET("/events?size=1000"))).assertStatus(400);

        assertThat(list("/events?group=" + group + "&when=upcoming").total()).isZero();
    }

    private PageView<EventView> list(String uri) {
        return client.toBlocking().retrieve(HttpRequest.GET(uri), Argument.of(PageView.class, EventView.class));
    }

    static Map<String, Object> meetup13(String venueId) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Deep Learning Meetup #13");
        body.put("number", 13);
        body.put("description", "Dear DeepLearners, our next Meetup is a bit more focused on research than usual… To those afraid of math, beware!");
        body.put("startsAt", "2029-03-07T19:00:00");
        body.put("endsAt", "2029-03-07T22:00:00");
        body.put("venueId", venueId);
        return body;
    }
}
