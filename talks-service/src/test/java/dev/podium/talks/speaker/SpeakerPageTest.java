package dev.podium.talks.speaker;

import static dev.podium.talks.TalksFixtures.cfp;
import static dev.podium.talks.TalksFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures;
import dev.podium.talks.TalksFixtures.SpeakerAccount;
import dev.podium.talks.TalksPages;
import dev.podium.talks.TalksPages.Page;
import dev.podium.talks.TalksServiceTest;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A speaker's page at the profile's own URL: name, affiliation, position, bio from Markdown, links
 * and the talks of the public archive, in the reader's language; never an email address, whoever
 * looks (the profile's JSON still gives its owner their email).
 */
@MicronautTest(transactional = false)
class SpeakerPageTest extends TalksServiceTest {

    static final String BIO = """
            Works on **structured prediction** at [Inria Parietal](https://team.inria.fr/parietal/), Université Paris-Saclay.
            Not markup: <script>alert('bio')</script>.
            """;

    /** Anything shaped like an email address. */
    static final Pattern EMAIL_ADDRESS = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");

    TalksPages pages;
    SpeakerAccount arthur;
    String email;
    EventSnapshot meetup;
    EventSnapshot lightning;
    String differentiable;
    String sparseAttention;
    String rejected;
    String pending;

    @BeforeAll
    void setUp() {
        pages = new TalksPages(http);
        String slug = "speaker-pages-" + UUID.randomUUID().toString().substring(0, 8);
        TalksFixtures.knownGroup(codec, catalog, TalksFixtures.group(slug, ALICE));
        meetup = TalksFixtures.event(slug, "Deep Learning Meetup #13", "PUBLISHED", LocalDateTime.of(2018, 3, 7, 19, 0), "Europe/Paris");
        lightning = TalksFixtures.event(slug, "Lightning night", "PUBLISHED", LocalDateTime.of(2019, 2, 26, 19, 0), "Europe/Paris");
        TalksFixtures.knownEvents(codec, catalog, meetup, lightning);
        TalksApi alice = api.as(ALICE);
        Instant now = Instant.now();
        for (EventSnapshot event : List.of(meetup, lightning)) {
            alice.put("/events/" + event.eventId() + "/cfp", cfp(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)))).isOk(200);
        }

        email = "arthur-" + UUID.randomUUID() + "@speakers.example.org";
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", "Arthur Mensch");
        profile.put("email", email);
        profile.put("affiliation", "INRIA Parietal");
        profile.put("position", "PhD Candidate");
        profile.put("bio", BIO);
        profile.put("links", Map.of("site", "https://amensch.fr", "github", "https://github.com/arthurmensch",
                "slides", "https://speakerdeck.com/arthurmensch"));
        arthur = api.newSpeaker(profile);

        differentiable = submit(meetup, "Differentiable Dynamic Programming for Structured Prediction and Attention");
        sparseAttention = submit(lightning, "Sparse attention in five minutes");
        rejected = submit(meetup, "A rejected talk");
        pending = submit(lightning, "A talk not decided yet");
        for (String id : List.of(differentiable, sparseAttention)) {
            alice.post("/submissions/" + id + "/accept", Map.of()).isOk(200);
        }
        alice.post("/submissions/" + rejected + "/reject", Map.of("reason", "Off topic")).isOk(200);
        alice.post("/events/" + meetup.eventId() + "/decisions/release", Map.of()).isOk(200);
        alice.post("/events/" + lightning.eventId() + "/decisions/release", Map.of()).isOk(200);
    }

    private String submit(EventSnapshot event, String title) {
        return api.as(arthur.identity()).post("/submissions", submission(arthur.id(), event.eventId(), title, "An abstract."))
                .isOk(201).string("id");
    }

    @Test
    void theSpeakerPageShowsTheProfileAndTheTalksOfTheArchiveNewestFirst() {
        Page page = pages.get("/speakers/" + arthur.id()).isOk(200).headingsAreInOrder().everyLinkIsNamed();

        assertThat(page.document().title()).isEqualTo("Arthur Mensch — Podium");
        assertThat(page.text("main h1")).isEqualTo("Arthur Mensch");
        assertThat(page.text("main h1 + p.meta")).isEqualTo("PhD Candidate, INRIA Parietal");
        Element bio = page.one("main .abstract");
        assertThat(bio.select("strong").text()).isEqualTo("structured prediction");
        assertThat(bio.select("a[href=https://team.inria.fr/parietal/]").text()).isEqualTo("Inria Parietal");
        assertThat(bio.text()).contains("Université Paris-Saclay", "<script>alert('bio')</script>");
        assertThat(page.document().select("script")).allSatisfy(script -> assertThat(script.attr("type")).isEqualTo("application/ld+json"));

        Elements links = page.document().select("#links-heading + ul a");
        assertThat(links.eachText()).containsExactly("Personal website", "GitHub profile", "Slides online");
        assertThat(links.eachAttr("href")).containsExactly("https://amensch.fr", "https://github.com/arthurmensch",
                "https://speakerdeck.com/arthurmensch");

        Elements talks = page.document().select("#talks-heading + ol.list > li");
        assertThat(talks.select("h3 a").eachAttr("href")).containsExactly("/talks/" + sparseAttention, "/talks/" + differentiable);
        assertThat(talks.select("h3 a").eachText()).containsExactly("Sparse attention in five minutes",
                "Differentiable Dynamic Programming for Structured Prediction and Attention");
        assertThat(talks.get(1).select("p.meta").text()).contains("Deep Learning Meetup #13", "March 7, 2018");
        assertThat(talks.get(1).select("p.meta a").attr("href")).isEqualTo("/events/" + meetup.eventId());
        assertThat(talks.select("h3").eachAttr("lang")).containsExactly("en", "en");
        assertThat(page.html()).doesNotContain("A rejected talk", "A talk not decided yet");

        // The talk's page links back to the speaker.
        assertThat(pages.get("/talks/" + differentiable).one("main ul.speakers a").attr("href")).isEqualTo("/speakers/" + arthur.id());
    }

    @Test
    void noPageShowsTheSpeakersEmailAddressNotEvenToThemselves() {
        for (TalksPages reader : List.of(pages, pages.as(arthur.identity()), pages.as(ALICE), pages.as(Identity.admin("admin-" + UUID.randomUUID())))) {
            for (String uri : List.of("/speakers/" + arthur.id(), "/talks/" + differentiable, "/talks?q=Mensch", "/talks")) {
                Page page = reader.get(uri).isOk(200);
                assertThat(page.html()).as(uri).doesNotContain(email, "mailto:").doesNotContainPattern(EMAIL_ADDRESS);
            }
        }

        // The JSON at the same URL is unchanged: the email for its owner only.
        assertThat(api.get("/speakers/" + arthur.id()).isOk(200).body()).doesNotContainKey("email");
        assertThat(api.as(arthur.identity()).get("/speakers/" + arthur.id()).isOk(200).string("email")).isEqualTo(email);
    }

    @Test
    void theSpeakerPageIsInFrenchWhenAskedAndDescribesThePerson() throws IOException {
        Page french = pages.get("/speakers/" + arthur.id() + "?lang=fr").isOk(200);
        assertThat(french.one("html").attr("lang")).isEqualTo("fr");
        assertThat(french.text("#about-heading")).isEqualTo("À propos");
        assertThat(french.text("#links-heading")).isEqualTo("Liens");
        assertThat(french.text("#talks-heading")).isEqualTo("Exposés");
        assertThat(french.document().select("#links-heading + ul a").eachText()).contains("Site personnel", "Profil GitHub");
        assertThat(french.document().select("#talks-heading + ol.list > li p.meta").eachText()).anyMatch(meta -> meta.contains("7 mars 2018"));
        assertThat(french.document().select("#talks-heading + ol.list > li h3 a").eachAttr("href"))
                .containsExactly("/talks/" + sparseAttention + "?lang=fr", "/talks/" + differentiable + "?lang=fr");

        Page page = pages.get("/speakers/" + arthur.id());
        assertThat(page.one("meta[property=og:type]").attr("content")).isEqualTo("profile");
        assertThat(page.one("meta[property=og:title]").attr("content")).isEqualTo("Arthur Mensch");
        Map<String, Object> person = json.readValue(page.one("script[type=application/ld+json]").data(),
                Argument.mapOf(String.class, Object.class));
        assertThat(person).containsEntry("@type", "Person").containsEntry("name", "Arthur Mensch").containsEntry("jobTitle", "PhD Candidate")
                .containsEntry("affiliation", Map.of("@type", "Organization", "name", "INRIA Parietal"))
                .containsEntry("sameAs", List.of("https://amensch.fr", "https://github.com/arthurmensch", "https://speakerdeck.com/arthurmensch"));
        assertThat(person.toString()).doesNotContain(email);
    }

    @Test
    void aSpeakerWithoutTalksInTheArchiveAndAnUnknownSpeaker() {
        SpeakerAccount newcomer = api.newSpeaker(Map.of("name", "Nina Newcomer", "email", "nina-" + UUID.randomUUID() + "@speakers.example.org"));
        Page page = pages.get("/speakers/" + newcomer.id()).isOk(200).headingsAreInOrder();
        assertThat(page.text("main h1")).isEqualTo("Nina Newcomer");
        assertThat(page.document().select("#about-heading, #links-heading, main h1 + p.meta")).isEmpty();
        assertThat(page.text("#talks-heading + p")).isEqualTo("No talk of this speaker is in the archive yet.");

        Page missing = pages.get("/speakers/" + UUID.randomUUID()).isOk(404);
        assertThat(missing.text("main h1")).isEqualTo("Not found");
        api.get("/speakers/" + UUID.randomUUID()).isProblem(404, "not-found");
    }
}
