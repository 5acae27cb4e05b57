package dev.podium.events.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.events.EventsApi;
import dev.podium.events.EventsServiceTest;
import dev.podium.events.event.EventView;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import dev.podium.events.Browser;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import org.jsoup.nodes.Document;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RSVPs and joins share the public-writes limit per client address, here 3 a minute. The clock is
 * fixed, so the four requests fall in one window whatever the machine's speed.
 */
@MicronautTest(transactional = false)
class PublicWritesRateLimitTest extends EventsServiceTest {

    @Inject
    EmbeddedServer server;

    EventView event;
    String group;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("podium.rate-limits.public-writes.requests", "3");
        properties.put("podium.rate-limits.public-writes.window", "1m");
        return properties;
    }

    @BeforeAll
    void publishedEvent() {
        group = api.createGroup(EventsApi.unique("limits"), "Europe/Paris").slug();
        event = api.publish(api.draft(group, Map.of("title", "Meetup", "startsAt", "2029-03-07T19:00:00",
                "endsAt", "2029-03-07T22:00:00")).id());
    }

    @Test
    void theFourthPublicWriteInAWindowIsAnsweredTooManyRequestsWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.rsvp(event.id(), "Attendee " + i, EventsApi.unique("rsvp") + "@example.org").code()).isEqualTo(201);
        }

        HttpClientResponseException refused = rsvpRefused();
        ProblemResponse.of(() -> {
            throw refused;
        }).assertProblem(429, "rate-limited");
        assertThat(refused.getResponse().header("Retry-After")).isEqualTo("60");
        ProblemResponse.of(() -> client.toBlocking().exchange(HttpRequest.POST("/groups/" + group + "/members",
                Map.of("name", "Joiner", "email", EventsApi.unique("join") + "@example.org")))).assertProblem(429, "rate-limited");
        assertThat(api.registrations(event.id())).as("the refused RSVP was not taken").hasSize(3);

        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(api.rsvp(event.id(), "Next window", EventsApi.unique("later") + "@example.org").code())
                .as("a new window, a new allowance").isEqualTo(201);
    }

    @Test
    void aFormPostedOverTheLimitGetsAPageThatSaysWhenToTryAgainAndIsNotTaken() {
        clock.set(clock.instant().plus(Duration.ofMinutes(5))); // a window of its own
        Browser browser = new Browser(server.getURI());
        String action = Browser.page(browser.get("/events/" + event.id() + "?lang=fr")).select("form[method=post]").attr("action");
        for (int i = 0; i < 3; i++) {
            assertThat(browser.post(action, Browser.form("name", "Form " + i, "email", EventsApi.unique("form") + "@example.org",
                    "lang", "fr")).statusCode()).isEqualTo(303);
        }
        int before = api.registrations(event.id()).size();

        java.net.http.HttpResponse<String> refused = browser.post(action,
                Browser.form("name", "Form too many", "email", EventsApi.unique("form") + "@example.org", "lang", "fr"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        Document page = Browser.page(refused);
        assertThat(page.select("html").attr("lang")).as("the form's language").isEqualTo("fr");
        assertThat(page.select("main").text()).contains("Merci de réessayer dans 60 secondes.");
        assertThat(api.registrations(event.id())).as("the refused RSVP was not taken").hasSize(before);
    }

    private HttpClientResponseException rsvpRefused() {
        try {
            api.rsvp(event.id(), "One too many", EventsApi.unique("excess") + "@example.org");
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("the fourth RSVP was taken");
    }
}
