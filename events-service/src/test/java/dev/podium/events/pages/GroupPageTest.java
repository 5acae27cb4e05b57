package dev.podium.events.pages;

import static dev.podium.events.Browser.form;
import static dev.podium.events.Browser.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podium.contracts.Topics;
import dev.podium.contracts.events.MemberJoined;
import dev.podium.events.Browser;
import dev.podium.events.EventsApi;
import dev.podium.events.EventsServiceTest;
import dev.podium.events.event.EventView;
import dev.podium.events.group.GroupView;
import dev.podium.events.group.MemberStatus;
import dev.podium.events.group.MemberView;
import io.micronaut.http.HttpRequest;
import java.net.http.HttpResponse;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /groups/{slug} for people, its join form (double opt-in) and the opt-in link's pages. */
@MicronautTest(transactional = false)
class GroupPageTest extends EventsServiceTest {

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    Browser browser;

    @BeforeAll
    void api() {
        browser = new Browser(server.getURI());
    }

    @Test
    void theGroupPageListsItsEventsAndFeedInItsOwnLanguageWithoutOrganisersEmails() {
        GroupView group = group();
        EventView past = api.publish(api.draft(group.slug(), Map.of("title", "Meetup #12", "startsAt", "2029-02-07T19:00:00",
                "endsAt", "2029-02-07T22:00:00")).id());
        EventView upcoming = api.publish(api.draft(group.slug(), Map.of("title", "Meetup #13", "startsAt", "2029-03-07T19:00:00",
                "endsAt", "2029-03-07T22:00:00")).id());
        api.draft(group.slug(), Map.of("title", "Draft #14"));
        clock.set(Instant.parse("2029-02-20T10:00:00Z"));
        try {
            HttpResponse<String> response = browser.get("/groups/" + group.slug());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Accept"));
            Document french = page(response);
            assertThat(french.select("html").attr("lang")).as("the group's language").isEqualTo("fr");
            assertThat(french.select("h1").text()).isEqualTo("Paris Deep Learning");
            assertThat(french.select(".description").text()).contains("Rencontres mensuelles");
            assertThat(french.select(".upcoming a").eachAttr("href")).containsExactly("/events/" + upcoming.id());
            assertThat(french.select(".upcoming .meta").text()).isEqualTo("mercredi 7 mars 2029, 19:00 (Europe/Paris)");
            assertThat(french.select(".past a").eachAttr("href")).containsExactly("/events/" + past.id());
            assertThat(french.select("main").text()).doesNotContain("Draft #14").doesNotContain("@example.org");
            assertThat(french.select(".organiser").eachText()).isNotEmpty();
            assertThat(french.select("a[href^=webcal:]").attr("href"))
                    .isEqualTo("webcal://" + server.getURI().getRawAuthority() + "/groups/" + group.slug() + "/calendar.ics");
            assertThat(french.select("a[href=/groups/" + group.slug() + "/calendar.ics]")).isNotEmpty();
            assertThat(french.select("label[for=join-name]").text()).isEqualTo("Votre nom");

            Document english = page(browser.get("/groups/" + group.slug() + "?lang=en"));
            assertThat(english.select("html").attr("lang")).isEqualTo("en");
            assertThat(english.select(".upcoming .meta").text()).isEqualTo("Wednesday 7 March 2029, 19:00 (Europe/Paris)");
            assertThat(english.select("h2").eachText()).contains("Upcoming events", "Past events", "Join the group");

            assertThat(client.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class).slug())
                    .as("programs keep the JSON").isEqualTo(group.slug());
        } finally {
            clock.set(Instant.parse("2029-01-15T10:00:00Z"));
        }
    }

    @Test
    void joiningThroughTheFormLeavesAPendingMembershipAndSaysToCheckTheInbox() {
        GroupView group = group();
        String email = EventsApi.unique("yann") + "@example.org";

        HttpResponse<String> posted = browser.post("/groups/" + group.slug() + "/join", form("name", "Yann", "email", email, "lang", "fr"));
        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/groups/" + group.slug() + "/joined?lang=fr");
        Document joined = page(browser.get(location));
        assertThat(joined.select("h1").text()).isEqualTo("Consultez votre boîte de réception");

        MemberJoined message = api.message(Topics.GROUPS, MemberJoined.class, group.id());
        assertThat(message.email()).isEqualTo(email);
        assertThat(message.confirmed()).as("pending until the opt-in link is followed").isFalse();
        io.micronaut.http.HttpResponse<MemberView> again = client.toBlocking().exchange(HttpRequest.POST("/groups/" + group.slug() + "/members",
                Map.of("name", "Yann", "email", email)), MemberView.class);
        assertThat(again.code()).as("the form's join is the API's").isEqualTo(200);
        assertThat(again.body().status()).isEqualTo(MemberStatus.PENDING);

        HttpResponse<String> repeat = browser.post("/groups/" + group.slug() + "/join", form("name", "Yann", "email", email, "lang", "en"));
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(page(repeat).select("#join-state").text())
                .isEqualTo("This address has already asked to join: follow the link in the email we sent to confirm.");

        // The opt-in link: GET shows the button (in the group's language), the button confirms.
        URI link = URI.create(message.confirmUrl());
        Document confirm = page(browser.get(link.getRawPath() + "?" + link.getRawQuery()));
        assertThat(confirm.select("h1").text()).isEqualTo("Confirmez votre inscription");
        assertThat(client.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class).activeMembers()).isZero();
        Element button = confirm.selectFirst("form[method=post]");
        HttpResponse<String> confirmed = browser.post(button.attr("action"), Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(page(confirmed).select("h1").text()).isEqualTo("Vous êtes inscrit·e");
        assertThat(client.toBlocking().retrieve("/groups/" + group.slug(), GroupView.class).activeMembers()).isEqualTo(1);
    }

    @Test
    void badInputShowsTheGroupPageAgainWithErrorsAndJoinsNobody() {
        GroupView group = group();
        String email = EventsApi.unique("grace") + "@example.org";

        HttpResponse<String> answer = browser.post("/groups/" + group.slug() + "/join", form("name", " ", "email", email, "lang", "en"));
        assertThat(answer.statusCode()).isEqualTo(400);
        Document page = page(answer);
        assertThat(page.select("input#join-name").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("input#join-name").attr("aria-describedby")).isEqualTo("join-name-error");
        assertThat(page.select("#join-name-error").text()).isEqualTo("Please fill this in.");
        assertThat(page.select("input#join-email").val()).isEqualTo(email);

        HttpResponse<String> malformed = browser.post("/groups/" + group.slug() + "/join",
                form("name", "Grace", "email", "not-an-address", "lang", "en"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(page(malformed).select("#join-email-error").text()).isEqualTo("Please give an email address such as ada@example.org.");

        HttpResponse<String> foreign = browser.post("/groups/" + group.slug() + "/join",
                form("name", "Grace", "email", email, "lang", "en"), "https://elsewhere.example");
        assertThat(foreign.statusCode()).isEqualTo(403);

        io.micronaut.http.HttpResponse<MemberView> first = client.toBlocking().exchange(HttpRequest.POST("/groups/" + group.slug() + "/members",
                Map.of("name", "Grace", "email", email)), MemberView.class);
        assertThat(first.code()).as("none of the refused forms joined the address").isEqualTo(201);
    }

    @Test
    void pastEventsComeAPageAtATimeAndTheGroupIsDescribedForSearchEngines() throws IOException {
        GroupView group = group();
        for (int day = 1; day <= 21; day++) {
            clock.set(Instant.parse("2028-12-01T10:00:00Z").plus(Duration.ofDays(day))); // a day's announcement quota is 10
            api.publish(api.draft(group.slug(), Map.of("title", "Meetup #" + day, "startsAt", "2029-02-%02dT19:00:00".formatted(day),
                    "endsAt", "2029-02-%02dT22:00:00".formatted(day))).id());
        }
        EventView upcoming = api.publish(api.draft(group.slug(), Map.of("title", "Meetup #22", "startsAt", "2029-03-07T19:00:00",
                "endsAt", "2029-03-07T22:00:00")).id());
        clock.set(Instant.parse("2029-02-25T10:00:00Z"));
        try {
            Document first = page(browser.get("/groups/" + group.slug() + "?lang=en"));
            assertThat(first.select(".past a")).hasSize(20);
            assertThat(first.select(".past a").first().text()).isEqualTo("Meetup #21");
            assertThat(first.select("nav.pager a[rel=prev]")).isEmpty();
            String older = first.select("nav.pager a[rel=next]").attr("href");
            assertThat(older).isEqualTo("?past=2&lang=en#past");

            Document second = page(browser.get("/groups/" + group.slug() + older.substring(0, older.indexOf('#'))));
            assertThat(second.select("html").attr("lang")).isEqualTo("en");
            assertThat(second.select(".past a").eachText()).containsExactly("Meetup #1");
            assertThat(second.select("nav.pager a[rel=prev]").attr("href")).isEqualTo("?past=1&lang=en#past");
            assertThat(second.select("nav.pager a[rel=next]")).isEmpty();
            assertThat(page(browser.get("/groups/" + group.slug() + "?past=not-a-page&lang=en")).select(".past a").first().text())
                    .as("a page that is not a number is the first").isEqualTo("Meetup #21");

            JsonNode data = json.readTree(first.select("head script[type=application/ld+json]").first().data());
            assertThat(data.get("@context").asText()).isEqualTo("https://schema.org");
            assertThat(data.get("@type").asText()).isEqualTo("Organization");
            assertThat(data.get("name").asText()).isEqualTo(group.name());
            assertThat(data.get("url").asText()).endsWith("/groups/" + group.slug());
            assertThat(data.get("event")).hasSize(1);
            assertThat(data.get("event").get(0).get("name").asText()).isEqualTo("Meetup #22");
            assertThat(data.get("event").get(0).get("startDate").asText()).isEqualTo("2029-03-07T19:00+01:00");
            assertThat(data.get("event").get(0).get("url").asText()).endsWith("/events/" + upcoming.id());
        } finally {
            clock.set(Instant.parse("2029-01-15T10:00:00Z"));
        }
    }

    private GroupView group() {
        return api.createGroup(EventsApi.unique("group-page"), "Europe/Paris");
    }
}
