package dev.podium.events.pages;

import static dev.podium.events.Browser.form;
import static dev.podium.events.Browser.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.events.Browser;
import dev.podium.events.EventsApi;
import dev.podium.events.EventsServiceTest;
import dev.podium.events.event.EventView;
import dev.podium.events.registration.RegistrationStatus;
import dev.podium.events.registration.RegistrationView;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The RSVP form of the event page and the RSVP's own page behind its signed link: the API's rules,
 * post-redirect-get, errors next to their fields, GET changing nothing.
 */
@MicronautTest(transactional = false)
class RsvpPagesTest extends EventsServiceTest {

    @Inject
    EmbeddedServer server;

    Browser browser;
    String slug;

    @BeforeAll
    void group() {
        browser = new Browser(server.getURI());
        slug = api.createGroup(EventsApi.unique("rsvp-page"), "Europe/Paris").slug();
    }

    @Test
    void anRsvpThroughTheFormRedirectsToItsPageConfirmedThenTheNextIsWaitlistedWithItsPosition() {
        EventView event = event(1);
        String ada = EventsApi.unique("ada") + "@example.org";

        HttpResponse<String> posted = browser.post("/events/" + event.id() + "/rsvp", form("name", "Ada Lovelace", "email", ada, "lang", "en"));
        assertThat(posted.statusCode()).as("post-redirect-get").isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/events/" + event.id() + "/registrations/").contains("?token=").endsWith("&lang=en");
        RegistrationView confirmed = only(event.id(), ada);
        assertThat(confirmed.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(confirmed.name()).isEqualTo("Ada Lovelace");
        assertThat(api.rsvpMessage(RegistrationConfirmed.class, event.id(), confirmed.id()).registration().manageUrl())
                .as("the confirmation email links to the page the form led to").endsWith(location.substring(0, location.indexOf("&lang=")));

        Document page = page(browser.get(location));
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("#registration-state").text()).isEqualTo("Confirmed: a seat is kept for you.");
        assertThat(page.select("main").text()).contains("Deep Learning Meetup #13", "Ada Lovelace");

        String alan = EventsApi.unique("alan") + "@example.org";
        HttpResponse<String> second = browser.post("/events/" + event.id() + "/rsvp", form("name", "Alan Turing", "email", alan, "lang", "fr"));
        assertThat(second.statusCode()).isEqualTo(303);
        Document waitlisted = page(browser.get(second.headers().firstValue("Location").orElseThrow()));
        assertThat(waitlisted.select("html").attr("lang")).isEqualTo("fr");
        assertThat(waitlisted.select("#registration-state").text())
                .isEqualTo("En liste d’attente, position 1. Vous recevrez un e-mail si une place se libère.");
        assertThat(only(event.id(), alan).waitlistPosition()).isEqualTo(1);
    }

    @Test
    void badInputShowsTheFormAgainWithErrorsNextToTheFieldsAndWritesNothing() {
        EventView event = event(10);
        Map<String, Map<String, String>> cases = Map.of(
                "name", form("name", "", "email", "grace@example.org", "lang", "en"),
                "email", form("name", "Grace Hopper", "email", "grace-at-example.org", "lang", "en"));
        for (Map.Entry<String, Map<String, String>> bad : cases.entrySet()) {
            HttpResponse<String> answer = browser.post("/events/" + event.id() + "/rsvp", bad.getValue());
            assertThat(answer.statusCode()).isEqualTo(400);
            Document page = page(answer);
            Element input = page.selectFirst("input#rsvp-" + bad.getKey());
            assertThat(input.attr("aria-invalid")).isEqualTo("true");
            assertThat(input.attr("aria-describedby")).isEqualTo("rsvp-" + bad.getKey() + "-error");
            assertThat(page.select("#rsvp-" + bad.getKey() + "-error").text()).isNotBlank();
            assertThat(page.select("input#rsvp-name").val()).isEqualTo(bad.getValue().get("name"));
            assertThat(page.select("input#rsvp-email").val()).isEqualTo(bad.getValue().get("email"));
            String other = bad.getKey().equals("name") ? "email" : "name";
            assertThat(page.selectFirst("input#rsvp-" + other).hasAttr("aria-invalid")).isFalse();
        }

        HttpResponse<String> tooLong = browser.post("/events/" + event.id() + "/rsvp", form("name", "A".repeat(300), "email", "long@example.org", "lang", "en"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(page(tooLong).select("#rsvp-name-error").text()).isEqualTo("This is too long.");
        assertThat(page(tooLong).select("input#rsvp-name").val()).hasSize(300);

        HttpResponse<String> controlCharacters = browser.post("/events/" + event.id() + "/rsvp",
                form("name", "Eve\r\nBcc: all@example.org", "email", "eve@example.org", "lang", "fr"));
        assertThat(controlCharacters.statusCode()).isEqualTo(400);
        assertThat(page(controlCharacters).select("#rsvp-name-error").text())
                .isEqualTo("Merci d’écrire une seule ligne, sans caractères de contrôle.");
        assertThat(page(controlCharacters).select("html").attr("lang")).isEqualTo("fr");

        assertThat(api.registrations(event.id())).as("nothing written").isEmpty();

        // Markup is text to the API (names are escaped wherever they are shown), so the form takes it as the API does.
        HttpResponse<String> markup = browser.post("/events/" + event.id() + "/rsvp",
                form("name", "<b>Bobby</b><script>alert(1)</script>", "email", EventsApi.unique("bobby") + "@example.org", "lang", "en"));
        assertThat(markup.statusCode()).isEqualTo(303);
        Document page = page(browser.get(markup.headers().firstValue("Location").orElseThrow()));
        assertThat(page.select("main").text()).contains("<b>Bobby</b><script>alert(1)</script>");
        assertThat(page.select("main b, main script")).isEmpty();
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefusedAndWritesNothing() {
        EventView event = event(10);

        HttpResponse<String> refused = browser.post("/events/" + event.id() + "/rsvp",
                form("name", "Mallory", "email", "mallory@example.org", "lang", "en"), "https://elsewhere.example");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(api.registrations(event.id())).isEmpty();
    }

    @Test
    void aRepeatedRsvpShowsTheExistingOnesStateWithoutItsLink() {
        EventView event = event(10);
        String ada = EventsApi.unique("ada") + "@example.org";
        api.rsvp(event.id(), "Ada", ada);

        HttpResponse<String> again = browser.post("/events/" + event.id() + "/rsvp", form("name", "Someone else", "email", ada, "lang", "en"));

        assertThat(again.statusCode()).isEqualTo(200);
        Document page = page(again);
        assertThat(page.select("h1").text()).isEqualTo("This address has already RSVPed");
        assertThat(page.select("#registration-state").text()).isEqualTo("Confirmed: a seat is kept for you.");
        assertThat(page.select("a[href*=token]")).as("typing an address does not give its link").isEmpty();
        assertThat(page.select("main").text()).doesNotContain("Ada");
        assertThat(api.registrations(event.id())).hasSize(1);
    }

    @Test
    void theManagePageChangesNothingItsButtonCancelsAndTheWaitlistedPersonIsPromoted() {
        EventView event = event(1);
        RegistrationView ada = api.rsvp(event.id(), "Ada", EventsApi.unique("ada") + "@example.org").body();
        RegistrationView alan = api.rsvp(event.id(), "Alan", EventsApi.unique("alan") + "@example.org").body();
        String link = EventsApi.pathAndQuery(ada.manageUrl());

        Document page = page(browser.get(link + "&lang=en"));
        page = page(browser.get(link + "&lang=en", "text/html")); // a client that accepts nothing else gets the page too
        assertThat(page.select("#registration-state").text()).isEqualTo("Confirmed: a seat is kept for you.");
        assertThat(status(event.id(), ada.id())).as("opening the link (twice) changes nothing").isEqualTo(RegistrationStatus.CONFIRMED);
        Element cancel = page.selectFirst("form[method=post]");
        assertThat(cancel.selectFirst("button").text()).isEqualTo("Cancel my RSVP");

        HttpResponse<String> cancelled = browser.post(cancel.attr("action"), Map.of());
        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(cancelled.headers().firstValue("Location")).hasValue(link + "&lang=en");
        Document after = page(browser.get(cancelled.headers().firstValue("Location").orElseThrow()));
        assertThat(after.select("#registration-state").text()).isEqualTo("Cancelled. You no longer have a seat.");
        assertThat(after.select("form[method=post]")).isEmpty();

        assertThat(status(event.id(), ada.id())).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(status(event.id(), alan.id())).as("the waitlisted person got the freed seat").isEqualTo(RegistrationStatus.CONFIRMED);

        HttpResponse<String> tampered = browser.post(cancel.attr("action").replace("token=", "token=x"), Map.of());
        assertThat(tampered.statusCode()).isEqualTo(400);
    }

    @Test
    void programsStillGetTheRsvpAsJsonThroughTheSameLink() {
        EventView event = event(10);
        RegistrationView ada = api.rsvp(event.id(), "Ada", EventsApi.unique("ada") + "@example.org").body();

        RegistrationView read = client.toBlocking().retrieve(HttpRequest.GET(EventsApi.pathAndQuery(ada.manageUrl())), RegistrationView.class);
        assertThat(read.id()).isEqualTo(ada.id());
        assertThat(read.name()).isEqualTo("Ada");
        HttpResponse<String> json = browser.get(EventsApi.pathAndQuery(ada.manageUrl()), "application/json");
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    private RegistrationStatus status(String eventId, String registrationId) {
        return api.registrations(eventId).stream().filter(r -> r.id().equals(registrationId)).findFirst().orElseThrow().status();
    }

    private RegistrationView only(String eventId, String email) {
        return api.registrations(eventId).stream().filter(r -> email.equals(r.email())).findFirst().orElseThrow();
    }

    private EventView event(int capacity) {
        return api.publish(api.draft(slug, Map.of("title", "Deep Learning Meetup #13", "startsAt", "2029-03-07T19:00:00",
                "endsAt", "2029-03-07T22:00:00", "capacity", capacity)).id());
    }
}
