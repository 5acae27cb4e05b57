package dev.podium.events.pages;

import static dev.podium.events.Browser.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podium.contracts.common.SpeakerRef;
import dev.podium.events.Browser;
import dev.podium.events.EventsApi;
import dev.podium.events.EventsServiceTest;
import dev.podium.events.event.EventView;
import dev.podium.events.talks.AcceptedTalk;
import dev.podium.events.talks.AcceptedTalkRepository;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /events/{id} for people: the page every email links to, at the URL programs read as JSON.
 */
@MicronautTest(transactional = false)
class EventPageTest extends EventsServiceTest {

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    AcceptedTalkRepository talks;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper mapper;

    Browser browser;
    String slug;
    String venueId;

    @BeforeAll
    void group() {
        browser = new Browser(server.getURI());
        slug = api.createGroup(EventsApi.unique("page"), "Europe/Paris").slug();
        venueId = api.createVenue(120).id();
    }

    @Test
    void theEventPageShowsWhenWhereTheAgendaAndTheSeatsLeft() {
        EventView event = meetup13();
        api.rsvp(event.id(), "Ada Lovelace", EventsApi.unique("ada") + "@example.org");

        HttpResponse<String> response = browser.get("/events/" + event.id() + "?lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Accept"));
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'none'"));
        Document page = page(response);
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("main h1").text()).isEqualTo("Deep Learning Meetup #13");
        assertThat(page.select("main").text()).contains("Meetup no. 13");
        assertThat(page.select(".when").text()).isEqualTo("Wednesday 7 March 2029, 19:00–22:00 (Europe/Paris)");
        assertThat(page.select(".venue").text()).contains("Heuritech", "248 rue du Faubourg Saint-Antoine", "Paris", "France");
        assertThat(page.select("a.map").attr("href"))
                .isEqualTo("https://www.openstreetmap.org/search?query=248+rue+du+Faubourg+Saint-Antoine%2C+Paris%2C+France");
        assertThat(page.select("a.map").text()).isEqualTo("Map of Heuritech on OpenStreetMap");
        assertThat(page.select(".description strong").text()).isEqualTo("mensuelles");
        assertThat(page.select(".agenda-day h3").text()).isEqualTo("Wednesday 7 March 2029");
        assertThat(page.select(".agenda h4").eachText())
                .containsExactly("19:00–19:40 Généralisation des réseaux profonds", "21:00–22:00 Pizzas & boissons 🍕");
        assertThat(page.select(".speaker").eachText()).containsExactly("Léa Dupont, INRIA Parietal");
        Document abstractText = org.jsoup.Jsoup.parseBodyFragment(page.select(".agenda .abstract").html());
        assertThat(abstractText.select("em").text()).isEqualTo("régularisation");
        assertThat(page.select(".agenda .abstract").text()).contains("<script>alert('x')</script>", "$\\ell_2$");
        assertThat(page.select("script")).as("no script but the structured data")
                .allSatisfy(script -> assertThat(script.attr("type")).isEqualTo("application/ld+json"));
        assertThat(page.select(".seats").text()).isEqualTo("119 of 120 seats left.");
        assertThat(page.select("a[href=/events/" + event.id() + "/calendar.ics]").text()).contains(".ics");
        assertThat(page.select("a[href^=webcal:]").attr("href"))
                .isEqualTo("webcal://" + server.getURI().getRawAuthority() + "/groups/" + slug + "/calendar.ics");
        assertThat(page.select("a[href=/groups/" + slug + "]")).isNotEmpty();
        assertThat(page.select("head meta[property=og:title]").attr("content")).isEqualTo("Deep Learning Meetup #13");
        assertThat(page.select("head meta[property=og:type]").attr("content")).isEqualTo("website");
        assertThat(page.select("head meta[property=og:url]").attr("content")).isEqualTo(event.url());
        assertThat(page.select("head meta[property=og:description]").attr("content")).startsWith("Rencontres mensuelles");

        Document form = page;
        assertThat(form.select("form[action=/events/" + event.id() + "/rsvp?lang=en] input[type=hidden][name=lang]").val()).isEqualTo("en");
        assertThat(form.select("label[for=rsvp-name]").text()).isEqualTo("Your name");
        assertThat(form.select("label[for=rsvp-email]").text()).isEqualTo("Your email address");
        assertThat(form.select("input#rsvp-name").attr("name")).isEqualTo("name");
        assertThat(form.select("input#rsvp-name").attr("maxlength")).isEqualTo("200");
        assertThat(form.select("input#rsvp-email").attr("type")).isEqualTo("email");
        assertThat(form.select("input#rsvp-email").attr("autocomplete")).isEqualTo("email");
        assertThat(form.select("input#rsvp-email").hasAttr("required")).isTrue();
        assertThat(form.select("input#rsvp-email").attr("name")).isEqualTo("email");
    }

    @Test
    void theGroupsLanguageIsThePagesUnlessTheReaderChoosesAnother() {
        EventView event = meetup13();

        Document french = page(browser.get("/events/" + event.id()));
        assertThat(french.select("html").attr("lang")).isEqualTo("fr");
        assertThat(french.select(".when").text()).isEqualTo("mercredi 7 mars 2029, 19:00–22:00 (Europe/Paris)");
        assertThat(french.select(".agenda-day h3").text()).isEqualTo("mercredi 7 mars 2029");
        assertThat(french.select("label[for=rsvp-name]").text()).isEqualTo("Votre nom");
        assertThat(french.select(".seats").text()).isEqualTo("Il reste 120 places sur 120.");
        assertThat(french.select("a.map").text()).isEqualTo("Plan de Heuritech sur OpenStreetMap");
    }

    @Test
    void programsGetTheSameJsonAsBeforeAtTheSameUrl() throws IOException {
        EventView event = meetup13();

        for (String accept : List.of("application/json", "*/*")) {
            HttpResponse<String> response = browser.get("/events/" + event.id(), accept);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Accept"));
            EventView read = mapper.readValue(response.body(), EventView.class);
            assertThat(read).isEqualTo(client.toBlocking().retrieve(HttpRequest.GET("/events/" + event.id()), EventView.class));
            assertThat(read.title()).isEqualTo("Deep Learning Meetup #13");
        }
    }

    @Test
    void aClientThatAcceptsOnlyHtmlGetsThePagesOfTheSharedUrls() {
        EventView event = meetup13();

        for (String path : List.of("/events/" + event.id(), "/groups/" + slug)) {
            HttpResponse<String> response = browser.get(path, "text/html");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page(response).select("main h1").text()).isNotBlank();
        }
    }

    @Test
    void aDraftIsNotFoundForABrowserAsForTheApi() {
        EventView draft = api.draft(slug, Map.of("title", "Secret draft", "startsAt", "2029-03-07T19:00:00",
                "endsAt", "2029-03-07T22:00:00"));

        HttpResponse<String> response = browser.get("/events/" + draft.id() + "?lang=en");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).doesNotContain("Secret draft");
        assertThat(page(response).select("main h1").text()).isNotBlank();
    }

    @Test
    void structuredDataFollowsTheEventFromPublishToMoveToCancellation() throws IOException {
        EventView event = meetup13();

        JsonNode published = structuredData(event.id());
        assertThat(published.path("@type").asText()).isEqualTo("Event");
        assertThat(published.path("name").asText()).isEqualTo("Deep Learning Meetup #13");
        assertThat(published.path("startDate").asText()).isEqualTo("2029-03-07T19:00+01:00");
        assertThat(published.path("endDate").asText()).isEqualTo("2029-03-07T22:00+01:00");
        assertThat(published.path("eventStatus").asText()).isEqualTo("https://schema.org/EventScheduled");
        assertThat(published.path("eventAttendanceMode").asText()).isEqualTo("https://schema.org/OfflineEventAttendanceMode");
        assertThat(published.at("/location/@type").asText()).isEqualTo("Place");
        assertThat(published.at("/location/name").asText()).isEqualTo("Heuritech");
        assertThat(published.at("/location/address/@type").asText()).isEqualTo("PostalAddress");
        assertThat(published.at("/location/address/streetAddress").asText()).isEqualTo("248 rue du Faubourg Saint-Antoine");
        assertThat(published.at("/location/address/addressLocality").asText()).isEqualTo("Paris");
        assertThat(published.at("/organizer/@type").asText()).isEqualTo("Organization");
        assertThat(published.at("/organizer/name").asText()).isEqualTo("Paris Deep Learning");
        assertThat(published.at("/organizer/url").asText()).endsWith("/groups/" + slug);
        assertThat(published.at("/performer/0/name").asText()).isEqualTo("Léa Dupont");
        assertThat(published.at("/performer/0/affiliation/name").asText()).isEqualTo("INRIA Parietal");
        assertThat(published.toString()).doesNotContain("@example.org");
        assertThat(published.at("/offers/price").asInt()).isZero();
        assertThat(published.at("/offers/availability").asText()).isEqualTo("https://schema.org/InStock");
        assertThat(published.at("/offers/url").asText()).isEqualTo(event.url());
        assertThat(published.path("url").asText()).isEqualTo(event.url());

        api.patch(event.id(), Map.of("description", "Mise à jour de la description"));
        assertThat(structuredData(event.id()).path("eventStatus").asText()).as("a change of details is no move")
                .isEqualTo("https://schema.org/EventScheduled");

        api.patch(event.id(), Map.of("startsAt", "2029-03-14T19:00:00", "endsAt", "2029-03-14T22:00:00"));
        JsonNode moved = structuredData(event.id());
        assertThat(moved.path("eventStatus").asText()).isEqualTo("https://schema.org/EventRescheduled");
        assertThat(moved.path("startDate").asText()).isEqualTo("2029-03-14T19:00+01:00");
        assertThat(moved.path("previousStartDate").asText()).isEqualTo("2029-03-07T19:00+01:00");
        assertThat(page(browser.get("/events/" + event.id() + "?lang=en")).select("#event-moved").text())
                .isEqualTo("This event was moved: it was first planned for Wednesday 7 March 2029, 19:00.");

        client.toBlocking().exchange(api.asOrganiser(HttpRequest.POST("/events/" + event.id() + "/cancel",
                Map.of("reason", "Salle indisponible"))));
        JsonNode cancelled = structuredData(event.id());
        assertThat(cancelled.path("eventStatus").asText()).isEqualTo("https://schema.org/EventCancelled");
        Document page = page(browser.get("/events/" + event.id() + "?lang=en"));
        assertThat(page.select("#event-state").text()).contains("This event is cancelled.", "Salle indisponible");
        assertThat(page.select("form[action*=/rsvp]")).as("no RSVP form on a cancelled event").isEmpty();
    }

    @Test
    void anEventWhoseDateIsToBeAnnouncedIsPostponedForSearchEngines() throws IOException {
        EventView tba = api.publish(api.draft(slug, Map.of("title", "Lightning Night", "venueId", venueId)).id());

        JsonNode data = structuredData(tba.id());
        assertThat(data.path("eventStatus").asText()).isEqualTo("https://schema.org/EventPostponed");
        assertThat(data.has("startDate")).isFalse();
        Document page = page(browser.get("/events/" + tba.id() + "?lang=en"));
        assertThat(page.select(".when").text()).isEqualTo("Date to be announced");
        assertThat(page.select("a[href$=calendar.ics]:not([href^=webcal])").attr("href"))
                .as("no .ics for an event without a date, only the group's feed").isEqualTo("/groups/" + slug + "/calendar.ics");

        api.patch(tba.id(), Map.of("startsAt", "2029-04-02T19:00:00", "endsAt", "2029-04-02T21:00:00"));
        assertThat(structuredData(tba.id()).path("eventStatus").asText()).as("a first date is no move")
                .isEqualTo("https://schema.org/EventScheduled");
    }

    @Test
    void aFullEventOffersTheWaitlistOnly() throws IOException {
        EventView small = api.publish(api.draft(slug, Map.of("title", "Small room", "startsAt", "2029-03-07T19:00:00",
                "endsAt", "2029-03-07T22:00:00", "venueId", venueId, "capacity", 1)).id());
        api.rsvp(small.id(), "Ada", EventsApi.unique("ada") + "@example.org");
        api.rsvp(small.id(), "Alan", EventsApi.unique("alan") + "@example.org");

        assertThat(structuredData(small.id()).at("/offers/availability").asText()).isEqualTo("https://schema.org/SoldOut");
        Document page = page(browser.get("/events/" + small.id() + "?lang=en"));
        assertThat(page.select(".seats").text()).isEqualTo("The event is full: new RSVPs join the waitlist (1 waiting).");
        assertThat(page.select("form[action*=/rsvp] button").text()).isEqualTo("Join the waitlist");
    }

    @Test
    void theSummerSchoolOfTheSeedsFitsInOneResponseUnder50Kilobytes() throws IOException {
        EventView school = api.draft(slug, Map.of("title", "PAISS 2029 — Artificial Intelligence Summer School",
                "description", "5-day summer school, co-organised by Inria/Univ. Grenoble Alpes and NAVER LABS Europe.",
                "startsAt", "2029-07-02T09:00:00", "endsAt", "2029-07-06T18:00:00", "venueId", venueId));
        List<String> sections = seedSections(Path.of(System.getProperty("user.dir")).resolve("../../shared/seeds/001_570767dd37ac5a2a.txt"), 15);
        List<Map<String, Object>> slots = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            int day = 2 + i / 3;
            int hour = 9 + (i % 3) * 3;
            String talk = accept(school.id(), "Session " + (i + 1) + " — " + sections.get(i).lines().findFirst().orElse("").substring(0, Math.min(100, sections.get(i).lines().findFirst().orElse("").length())),
                    sections.get(i), "Speaker " + (i + 1), "Université Grenoble Alpes");
            slots.add(Map.of("startsAt", "2029-07-0%dT%02d:00:00".formatted(day, hour), "endsAt", "2029-07-0%dT%02d:30:00".formatted(day, hour + 2),
                    "kind", i % 3 == 2 ? "PRACTICAL" : "TALK", "title", "Session " + (i + 1), "talkId", talk));
        }
        client.toBlocking().retrieve(api.asOrganiser(HttpRequest.PUT("/events/" + school.id() + "/agenda", Map.of("slots", slots))));
        api.publish(school.id());

        HttpResponse<String> response = browser.get("/events/" + school.id() + "?lang=en");
        int bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
        int seedBytes = sections.stream().mapToInt(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
        System.out.println("[event page size] summer school: " + bytes + " bytes of HTML for " + seedBytes + " bytes of abstracts");
        assertThat(page(response).select(".agenda > li")).hasSize(sections.size());
        assertThat(bytes).isLessThan(50_000);
    }

    private EventView meetup13() {
        EventView draft = api.draft(slug, Map.of("title", "Deep Learning Meetup #13", "number", 13,
                "description", "Rencontres **mensuelles** autour du deep learning, à Paris.",
                "startsAt", "2029-03-07T19:00:00", "endsAt", "2029-03-07T22:00:00", "venueId", venueId));
        String talk = accept(draft.id(), "Généralisation des réseaux profonds",
                "Pourquoi la *régularisation* compte : $\\ell_2$ et au-delà. <script>alert('x')</script>", "Léa Dupont", "INRIA Parietal");
        client.toBlocking().retrieve(api.asOrganiser(HttpRequest.PUT("/events/" + draft.id() + "/agenda", Map.of("slots", List.of(
                Map.of("startsAt", "2029-03-07T19:00:00", "endsAt", "2029-03-07T19:40:00", "kind", "TALK",
                        "title", "Généralisation des réseaux profonds", "talkId", talk),
                Map.of("startsAt", "2029-03-07T21:00:00", "endsAt", "2029-03-07T22:00:00", "kind", "SOCIAL",
                        "title", "Pizzas & boissons 🍕"))))));
        return api.publish(draft.id());
    }

    private String accept(String eventId, String title, String abstractText, String speaker, String affiliation) {
        String talkId = UUID.randomUUID().toString();
        talks.save(new AcceptedTalk(talkId, eventId, title, abstractText, "TALK", 40,
                List.of(new SpeakerRef(UUID.randomUUID().toString(), null, speaker,
                        speaker.toLowerCase().replaceAll("[^a-z]+", ".") + "@example.org", affiliation)),
                "ACCEPTED", Instant.parse("2029-01-10T09:00:00Z")));
        return talkId;
    }

    private JsonNode structuredData(String eventId) throws IOException {
        Document page = page(browser.get("/events/" + eventId));
        return json.readTree(page.select("head script[type=application/ld+json]").first().data());
    }

    /** The seed's text cut into {@code count} parts of whole paragraphs, in order. */
    private static List<String> seedSections(Path seed, int count) throws IOException {
        List<String> paragraphs = List.of(Files.readString(seed, StandardCharsets.UTF_8).split("\\n\\s*\\n"));
        List<String> sections = new ArrayList<>();
        int per = (int) Math.ceil(paragraphs.size() / (double) count);
        for (int i = 0; i < paragraphs.size(); i += per) {
            sections.add(String.join("\n\n", paragraphs.subList(i, Math.min(paragraphs.size(), i + per))));
        }
        return sections;
    }
}
