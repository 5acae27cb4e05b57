package dev.podium.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.api.PageView;
import dev.podium.contracts.events.CancelledBy;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationPromoted;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.events.EventsApi;
import dev.podium.events.EventsServiceTest;
import dev.podium.events.event.EventView;
import dev.podium.testsupport.ProblemResponse;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class RegistrationTest extends EventsServiceTest {

    @Test
    void theListComesInPagesOfAtMostAHundredWithWaitlistPositionsAcrossPages() {
        EventView event = publishedEvent(2);
        for (int i = 0; i < 7; i++) {
            api.rsvp(event.id(), "Attendee " + i, "paged-" + i + "@example.org");
        }
        String list = "/events/" + event.id() + "/registrations";

        PageView<RegistrationView> second = page(list + "?page=1&size=3");
        assertThat(second.total()).isEqualTo(7);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(3);
        assertThat(second.items()).extracting(RegistrationView::email)
                .containsExactly("paged-3@example.org", "paged-4@example.org", "paged-5@example.org");
        assertThat(second.items()).extracting(RegistrationView::waitlistPosition).containsExactly(2, 3, 4);
        PageView<RegistrationView> first = page(list);
        assertThat(first.size()).as("the default size").isEqualTo(20);
        assertThat(first.items()).extracting(RegistrationView::waitlistPosition).containsExactly(null, null, 1, 2, 3, 4, 5);
        assertThat(page(list + "?page=3&size=3").items()).isEmpty();

        ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(HttpRequest.GET(list + "?size=101"))))
                .assertStatus(400);
        ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(HttpRequest.GET(list + "?size=0"))))
                .assertStatus(400);
    }

    private PageView<RegistrationView> page(String uri) {
        return client.toBlocking().retrieve(api.asOrganiser(HttpRequest.GET(uri)),
                Argument.of(PageView.class, RegistrationView.class));
    }

    @Test
    void confirmsUpToCapacityThenWaitlistsAndPromotesInArrivalOrder() {
        EventView event = publishedEvent(3);

        HttpResponse<RegistrationView> ada = api.rsvp(event.id(), "Ada Lovelace", "ada@example.org");
        api.rsvp(event.id(), "Alan Turing", "alan@example.org");
        api.rsvp(event.id(), "Grace Hopper", "grace@example.org");
        RegistrationView edsger = api.rsvp(event.id(), "Edsger Dijkstra", "edsger@example.org").body();
        RegistrationView barbara = api.rsvp(event.id(), "Barbara Liskov", "barbara@example.org").body();

        assertThat(ada.code()).isEqualTo(201);
        assertThat(ada.header("Location")).isEqualTo("/events/" + event.id() + "/registrations/" + ada.body().id());
        assertThat(ada.body().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(edsger.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(edsger.waitlistPosition()).isEqualTo(1);
        assertThat(barbara.waitlistPosition()).isEqualTo(2);
        assertThat(api.get(event.id()).confirmed()).isEqualTo(3);
        assertThat(api.get(event.id()).waitlisted()).isEqualTo(2);

        HttpResponse<RegistrationView> again = api.rsvp(event.id(), "Ada L.", "ADA@example.org");
        assertThat(again.code()).as("a repeated RSVP returns the existing one").isEqualTo(200);
        assertThat(again.body().id()).isEqualTo(ada.body().id());
        assertThat(again.body().manageUrl()).as("typing someone's address does not give their link").isNull();
        assertThat(again.body().name()).isNull();

        RegistrationConfirmed confirmed = api.rsvpMessage(RegistrationConfirmed.class, event.id(), ada.body().id());
        assertThat(confirmed.registration().attendee().email()).isEqualTo("ada@example.org");
        assertThat(confirmed.registration().manageUrl()).contains("/events/" + event.id() + "/registrations/" + ada.body().id() + "?token=");
        assertThat(ada.body().manageUrl()).as("the answer carries the link the email carries").isEqualTo(confirmed.registration().manageUrl());
        assertThat(confirmed.event().title()).isEqualTo("Deep Learning Meetup #13");
        assertThat(confirmed.event().startsAt()).hasToString("2029-03-07T19:00");
        assertThat(api.rsvpMessage(RegistrationWaitlisted.class, event.id(), barbara.id()).registration().waitlistPosition()).isEqualTo(2);

        RegistrationView cancelled = api.cancelRsvpThroughLink(ada.body().manageUrl());
        assertThat(cancelled.status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(cancelled.name()).as("a cancelled RSVP is erased").isNull();
        assertThat(cancelled.email()).isNull();
        assertThat(api.rsvpMessage(RegistrationCancelled.class, event.id(), ada.body().id()).cancelledBy()).isEqualTo(CancelledBy.ATTENDEE);
        assertThat(status(event, edsger.id())).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(api.rsvpMessage(RegistrationPromoted.class, event.id(), edsger.id()).registration().status()).isEqualTo("CONFIRMED");
        assertThat(status(event, barbara.id())).isEqualTo(RegistrationStatus.WAITLISTED);

        api.patch(event.id(), Map.of("capacity", 4));
        assertThat(status(event, barbara.id())).as("raising capacity promotes").isEqualTo(RegistrationStatus.CONFIRMED);

        HttpResponse<RegistrationView> back = api.rsvp(event.id(), "Ada Lovelace", "ada@example.org");
        assertThat(back.code()).as("after cancelling, one can RSVP again").isEqualTo(201);
        assertThat(back.body().status()).isEqualTo(RegistrationStatus.WAITLISTED);
    }

    @Test
    void refusesRsvpsThatCannotBeTaken() {
        String group = api.createGroup(EventsApi.unique("paris-rsvp"), "Europe/Paris").slug();
        EventView draft = api.draft(group, Map.of("title", "Draft", "startsAt", "2029-03-07T19:00:00", "endsAt", "2029-03-07T22:00:00"));
        ProblemResponse.of(() -> client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/events/" + draft.id() + "/registrations",
                Map.of("name", "Ada", "email", "ada@example.org"))))).assertProblem(409, "event-not-open");
        // Nobody else knows that a draft exists.
        ProblemResponse.of(() -> api.rsvp(draft.id(), "Ada", "ada@example.org")).assertProblem(404, "not-found");

        EventView published = publishedEvent(10);
        ProblemResponse.of(() -> api.rsvp(published.id(), "Ada", "not-an-address")).assertStatus(400);
        ProblemResponse.of(() -> api.rsvp(published.id(), "", "ada@example.org")).assertStatus(400);
        ProblemResponse.of(() -> api.rsvp("no-such-event", "Ada", "ada@example.org")).assertProblem(404, "not-found");
        ProblemResponse.of(() -> api.cancelRsvp(published.id(), "no-such-registration")).assertProblem(404, "not-found");

        clock.set(Instant.parse("2029-03-07T18:30:00Z"));
        try {
            ProblemResponse.of(() -> api.rsvp(published.id(), "Late", "late@example.org")).assertProblem(409, "event-started");
        } finally {
            clock.set(NOW);
        }

        client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/events/" + published.id() + "/cancel", Map.of("reason", "Speaker ill"))));
        ProblemResponse.of(() -> api.rsvp(published.id(), "Ada", "ada@example.org")).assertProblem(409, "event-not-open");
        assertThat(api.registrations(published.id())).isEmpty();
    }

    @Test
    void answersARepeatedRsvpWithTheExistingOneAfterRsvpsHaveClosed() {
        EventView event = publishedEvent(1);
        RegistrationView ada = api.rsvp(event.id(), "Ada Lovelace", "ada@example.org").body();
        RegistrationView alan = api.rsvp(event.id(), "Alan Turing", "alan@example.org").body();

        clock.set(Instant.parse("2029-03-07T18:30:00Z"));
        try {
            HttpResponse<RegistrationView> again = api.rsvp(event.id(), "Ada", "ada@example.org");
            assertThat(again.code()).isEqualTo(200);
            assertThat(again.body().id()).isEqualTo(ada.id());
            HttpResponse<RegistrationView> waiting = api.rsvp(event.id(), "Alan", "alan@example.org");
            assertThat(waiting.body().id()).isEqualTo(alan.id());
            assertThat(waiting.body().waitlistPosition()).isEqualTo(1);
            ProblemResponse.of(() -> api.rsvp(event.id(), "Late", "late@example.org")).assertProblem(409, "event-started");
        } finally {
            clock.set(NOW);
        }
    }

    @Test
    void takesRsvpsForAnEventWhoseDateIsToBeAnnounced() {
        String group = api.createGroup(EventsApi.unique("sg-rsvp"), "Asia/Singapore").slug();
        EventView tba = api.draft(group, Map.of("title", "NeurIPS Lightning Talks", "capacity", 1));
        api.publish(tba.id());

        HttpResponse<RegistrationView> first = api.rsvp(tba.id(), "Ada", "ada@example.org");
        HttpResponse<RegistrationView> second = api.rsvp(tba.id(), "Grace", "grace@example.org");

        assertThat(first.status().getCode()).isEqualTo(201);
        assertThat(first.body().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(second.body().status()).as("capacity holds without a date too").isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(api.get(tba.id()).startsAt()).isNull();
    }

    private RegistrationStatus status(EventView event, String registrationId) {
        return client.toBlocking().retrieve(api.asOrganiser(HttpRequest.GET("/events/" + event.id() + "/registrations/" + registrationId)),
                RegistrationView.class).status();
    }

    private EventView publishedEvent(int capacity) {
        String group = api.createGroup(EventsApi.unique("paris-rsvp"), "Europe/Paris").slug();
        EventView event = api.draft(group, Map.of("title", "Deep Learning Meetup #13", "number", 13,
                "startsAt", "2029-03-07T19:00:00", "endsAt", "2029-03-07T22:00:00", "capacity", capacity));
        return api.publish(event.id());
    }
}
