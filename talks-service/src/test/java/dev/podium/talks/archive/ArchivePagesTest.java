package dev.podium.talks.archive;

import static dev.podium.talks.TalksFixtures.cfp;
import static dev.podium.talks.TalksFixtures.speaker;
import static dev.podium.talks.TalksFixtures.submission;
import static dev.podium.talks.TalksFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.GroupCreated;
import dev.podium.talks.StatementCounter;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures;
import dev.podium.talks.TalksFixtures.SeedTalk;
import dev.podium.talks.TalksPages;
import dev.podium.talks.TalksPages.Page;
import dev.podium.talks.TalksServiceTest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The archive's pages as a reader sees them, at the API's own URLs: the search page of {@code /talks}
 * (form, results, pages, errors beside their fields), a talk's page {@code /talks/{id}} (abstract from
 * Markdown with its HTML escaped, speakers, event in its time zone, materials, JSON-LD, Open Graph), in
 * English and French; programs keep their JSON at the same URLs.
 */
@MicronautTest(transactional = false)
class ArchivePagesTest extends TalksServiceTest {

    static final String ODES_TITLE = "Neural ODEs: <em>continuous</em> layers </script><script>alert(1)</script>";
    static final String ODES_ABSTRACT = """
            **ResNets** in mathematics: \\( h_{t+1} = f(h_t, \\theta_t) + h_t \\), and NeurIPS was in Montréal 🚶🚷.

            Not markup: <script>alert('abstract')</script> <img src=x onerror=alert(1)>

            Read [the paper](https://arxiv.org/abs/1806.07366), not [this](javascript:alert(1)).

            """ + "Differential equations have been studied for centuries; ".repeat(40);

    @Inject
    StatementCounter statements;

    TalksPages pages;
    List<SeedTalk> seeds;
    EventSnapshot meetup;
    EventSnapshot lightning;
    EventSnapshot school;
    String paissSlug;
    String grisel;
    String mensch;
    String luvizon;
    String neuralOdes;
    String lecun;
    String rejected;
    String pending;
    final Map<String, TalksApi> speakerOf = new HashMap<>();
    final Map<String, String> profileOf = new HashMap<>();

    @Override
    protected Map<String, String> settings() {
        return Map.of("podium.test.count-statements", "true", "podium.talks.public-base-url", "https://podium.example.org/");
    }

    @BeforeAll
    void setUp() {
        pages = new TalksPages(http);
        seeds = TalksFixtures.deepLearningMeetup13();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String parisSlug = "deep-learning-paris-" + suffix;
        String singaporeSlug = "tfdl-sg-" + suffix;
        paissSlug = "paiss-" + suffix;
        knownGroup(parisSlug, "Paris Deep Learning", "en");
        knownGroup(singaporeSlug, "TensorFlow & Deep Learning SG", "en");
        knownGroup(paissSlug, "PAISS, école d’été", "fr");
        meetup = TalksFixtures.event(parisSlug, "Deep Learning Meetup #13", "PUBLISHED", LocalDateTime.of(2018, 3, 7, 19, 0), "Europe/Paris");
        school = TalksFixtures.event(paissSlug, "PAISS 2018", "PUBLISHED", LocalDateTime.of(2018, 7, 2, 9, 0), "Europe/Paris");
        lightning = TalksFixtures.event(singaporeSlug, "NeurIPS Lightning Talks", "PUBLISHED", LocalDateTime.of(2019, 2, 26, 19, 0),
                "Asia/Singapore");
        TalksFixtures.knownEvents(codec, catalog, meetup, school, lightning);
        TalksApi alice = api.as(ALICE);
        Instant now = Instant.now();
        for (EventSnapshot event : List.of(meetup, school, lightning)) {
            alice.put("/events/" + event.eventId() + "/cfp", cfp(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)))).isOk(200);
        }

        grisel = talk(meetup, seeds.get(0), "TALK", 30, List.of("theory", "deep-learning"));
        mensch = talk(meetup, seeds.get(1), "TALK", 30, List.of("structured-prediction", "deep-learning"));
        luvizon = talk(meetup, seeds.get(2), "TALK", 30, List.of("computer-vision", "deep-learning"));
        lecun = talk(school, new SeedTalk("Yann LeCun", "VP & Chief AI Scientist @ FB, Professor @ NYU",
                "Deep learning: past, present, and future", "Supervised learning is good for speech, images and text."),
                "KEYNOTE", 90, List.of("deep-learning", "history"));
        neuralOdes = talk(lightning, new SeedTalk("Martin Andrews", "Red Dragon AI", ODES_TITLE, ODES_ABSTRACT),
                "LIGHTNING", 5, List.of("neurips", "lightning"));
        rejected = talk(school, new SeedTalk("Rejected Speaker", "Université Grenoble Alpes", "Rejected: pose at the Université",
                "Pose estimation at the Université."), "TALK", 30, List.of("computer-vision"));
        pending = talk(school, new SeedTalk("Pending Speaker", "Université Grenoble Alpes", "Pending: pose at the Université",
                "Pose estimation at the Université."), "TALK", 30, List.of("computer-vision"));
        for (String id : List.of(grisel, mensch, luvizon, lecun, neuralOdes)) {
            alice.post("/submissions/" + id + "/accept", Map.of("reason", "Welcome")).isOk(200);
        }
        alice.post("/submissions/" + rejected + "/reject", Map.of("reason", "Off topic")).isOk(200);
        for (EventSnapshot event : List.of(meetup, school, lightning)) {
            alice.post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200);
        }
        speakerOf.get(luvizon).put("/submissions/" + luvizon + "/materials", Map.of(
                "slidesUrl", "https://speakerdeck.com/dluvizon/2d-3d-pose-estimation-and-action-recognition")).isOk(200);
        speakerOf.get(neuralOdes).put("/submissions/" + neuralOdes + "/materials", Map.of(
                "slidesUrl", "https://redcatlabs.com/2019-02-26_TFandDL_NeurIPS/",
                "videoUrl", "https://www.youtube.com/watch?v=neural-odes",
                "codeUrl", "https://github.com/rtqichen/torchdiffeq",
                "references", List.of(Map.of("title", "Neural Ordinary Differential Equations", "url", "https://arxiv.org/abs/1806.07366"))))
                .isOk(200);
        // The search index follows the archive within a second: wait until a search shows the last change.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/talks?size=100").isOk(200).list("items"))
                .hasSize(5).anySatisfy(item -> assertThat(item.get("materials")).asString().contains("torchdiffeq")));
    }

    private void knownGroup(String slug, String name, String language) {
        TalksFixtures.knownGroup(codec, catalog, new GroupCreated(TalksFixtures.groupId(slug), slug, name, null, "Europe/Paris", language,
                List.of(new PersonRef(ALICE.sub(), ALICE.name(), ALICE.email())), Instant.parse("2018-01-01T00:00:00Z")));
    }

    private String talk(EventSnapshot event, SeedTalk seed, String format, int minutes, List<String> tags) {
        TalksFixtures.SpeakerAccount speaker = api.newSpeaker(speaker(seed.speaker(), seed.affiliation()));
        Map<String, Object> request = with(with(with(submission(speaker.id(), event.eventId(), seed.title(), seed.abstractText()),
                "format", format), "durationMinutes", minutes), "tags", tags);
        TalksApi me = api.as(speaker.identity());
        String id = me.post("/submissions", request).isOk(201).string("id");
        speakerOf.put(id, me);
        profileOf.put(id, speaker.id());
        return id;
    }

    private static String q(String words) {
        return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    /** Newer JDKs put a narrow no-break space before AM/PM (CLDR 42); a reader sees a space. */
    private static String spaced(String text) {
        return text.replace('\u202f', ' ');
    }

    private static List<String> resultLinks(Page page) {
        return page.document().select("main ol.list > li h3 a").eachAttr("href");
    }

    // --- the search page ---

    @Test
    void searchingForUniversiteFindsTheSeedTalkAndLinksToItsPage() {
        for (String words : List.of("Université", "universite", "UNIVERSITÉ")) {
            Page found = pages.get("/talks?" + q(words)).isOk(200).everyInputIsLabelled().headingsAreInOrder().everyLinkIsNamed();

            assertThat(resultLinks(found)).as("search for %s", words).containsExactly("/talks/" + luvizon);
            Element result = found.one("main ol.list > li");
            assertThat(result.select("h3 a").text()).isEqualTo(seeds.get(2).title());
            assertThat(result.select("p.meta").text()).contains("By Diogo Luvizon", "Deep Learning Meetup #13", "Paris Deep Learning",
                    "March 7, 2018");
            assertThat(result.select("p.meta a").attr("href")).isEqualTo("/events/" + meetup.eventId());
            assertThat(result.select("time").attr("datetime")).isEqualTo("2018-03-07");
            assertThat(result.select("p.abstract").text()).startsWith("Action recognition and human pose estimation").endsWith("…");
            assertThat(found.one("input#q").val()).isEqualTo(words);
            assertThat(found.text("#q-hint")).isEqualTo("In titles, abstracts, speakers’ names and affiliations; capitals and accents do not matter.");
            assertThat(found.text("main h2")).isEqualTo("Results");
            assertThat(found.text("main p.meta")).isNotBlank();
            assertThat(found.html()).doesNotContain("Rejected: pose", "Pending: pose");
        }

        Page talk = pages.get(resultLinks(pages.get("/talks?" + q("universite"))).get(0)).isOk(200);
        assertThat(talk.text("main h1")).isEqualTo(seeds.get(2).title());
    }

    @Test
    void withoutAQueryThePageShowsTheNewestTalksPageByPageKeepingTheFilters() {
        Page newest = pages.get("/talks").isOk(200).everyInputIsLabelled().headingsAreInOrder();
        assertThat(newest.document().title()).isEqualTo("Talk archive — Podium");
        assertThat(newest.text("main h2")).isEqualTo("Newest talks");
        List<String> all = resultLinks(newest);
        assertThat(all).hasSize(5).startsWith("/talks/" + neuralOdes, "/talks/" + lecun);
        assertThat(all.subList(2, 5)).containsExactlyInAnyOrder("/talks/" + grisel, "/talks/" + mensch, "/talks/" + luvizon);
        assertThat(newest.document().select("nav.pager")).isEmpty();
        assertThat(newest.document().select("meta[name=robots]")).isEmpty();

        // Two by two, within the tag deep-learning: the links keep the tag and the size.
        Page first = pages.get("/talks?tag=deep-learning&size=2").isOk(200);
        assertThat(first.text("main h2")).isEqualTo("Results");
        assertThat(first.one("input#tag").val()).isEqualTo("deep-learning");
        assertThat(first.text("main h2 + p.meta")).isEqualTo("Talks 1 to 2 of 4");
        assertThat(first.document().select("a[rel=prev]")).isEmpty();
        String next = first.one("nav.pager a[rel=next]").attr("href");
        assertThat(next).contains("tag=deep-learning", "size=2", "page=1");
        assertThat(first.one("nav.pager a[rel=next]").text()).isEqualTo("Next page");
        assertThat(first.one("meta[name=robots]").attr("content")).isEqualTo("noindex, follow");

        Page second = pages.get(next).isOk(200);
        assertThat(second.text("main h2 + p.meta")).isEqualTo("Talks 3 to 4 of 4");
        assertThat(second.document().select("a[rel=next]")).isEmpty();
        assertThat(pages.get(second.one("a[rel=prev]").attr("href")).html()).isEqualTo(first.html());
        assertThat(resultLinks(first).size() + resultLinks(second).size()).isEqualTo(4);
        assertThat(resultLinks(second)).doesNotContainAnyElementsOf(resultLinks(first)).doesNotContain("/talks/" + neuralOdes);

        // Group and dates, as the form sends them.
        Page paiss = pages.get("/talks?q=&mode=natural&tag=&group=" + paissSlug + "&from=2018-01-01&to=2018-12-31").isOk(200);
        assertThat(resultLinks(paiss)).containsExactly("/talks/" + lecun);
        assertThat(paiss.one("select#group option[selected]").val()).isEqualTo(paissSlug);
        assertThat(paiss.one("select#group option[selected]").text()).isEqualTo("PAISS, école d’été");
        assertThat(paiss.one("input#from").val()).isEqualTo("2018-01-01");
        assertThat(paiss.one("input#to").val()).isEqualTo("2018-12-31");

        Page none = pages.get("/talks?" + q("quantum chromodynamics")).isOk(200);
        assertThat(resultLinks(none)).isEmpty();
        assertThat(none.text("main h2 + p")).isEqualTo("No talk matches this search.");
    }

    @Test
    void badFiltersShowTheFormAgainWithEachErrorBesideItsFieldAndTheTypedValuesKept() {
        Page dates = pages.get("/talks?" + q("pose") + "&tag=computer-vision&from=2018-13-01&to=2018-01-01");
        dates.isOk(400).everyInputIsLabelled().headingsAreInOrder();
        assertThat(dates.document().title()).isEqualTo("Error: Talk archive — Podium");
        assertThat(dates.text("#form-errors")).isEqualTo("The search could not be run: correct the fields marked below.");
        assertThat(dates.text("#from-error")).isEqualTo("Error: Enter a date such as 2018-03-07.");
        assertThat(dates.one("input#from").val()).isEqualTo("2018-13-01");
        assertThat(dates.one("input#from").attr("aria-invalid")).isEqualTo("true");
        assertThat(dates.one("input#from").attr("aria-describedby")).contains("from-error");
        assertThat(dates.one("input#to").val()).isEqualTo("2018-01-01");
        assertThat(dates.document().select("#to-error")).isEmpty();
        assertThat(dates.one("input#q").val()).isEqualTo("pose");
        assertThat(dates.one("input#tag").val()).isEqualTo("computer-vision");
        assertThat(dates.document().select("main ol.list")).isEmpty();

        Page range = pages.get("/talks?from=2019-01-01&to=2018-01-01").isOk(400);
        assertThat(range.text("#to-error")).isEqualTo("Error: This date is before the first one.");
        assertThat(range.one("input#from").val()).isEqualTo("2019-01-01");

        Page syntax = pages.get("/talks?mode=boolean&" + q("\"unterminated phrase"));
        syntax.isOk(400);
        assertThat(syntax.text("#q-error")).startsWith("Error: This is not a valid boolean search");
        assertThat(syntax.one("input#q").val()).isEqualTo("\"unterminated phrase");
        assertThat(syntax.one("select#mode option[selected]").val()).isEqualTo("boolean");

        Page mode = pages.get("/talks?mode=fuzzy&" + q("pose")).isOk(400);
        assertThat(mode.text("#mode-error")).isEqualTo("Error: Choose natural language or boolean.");

        Page french = pages.get("/talks?lang=fr&from=2018-02-30").isOk(400);
        assertThat(french.text("#from-error")).isEqualTo("Erreur : Saisissez une date comme 2018-03-07.");
        assertThat(french.one("input[type=hidden][name=lang]").val()).isEqualTo("fr");

        // Programs get the problem they always got, at the same URL; paging errors are a page for browsers, never a 500.
        api.get("/talks?from=2018-13-01").isProblem(400, "invalid-date");
        api.get("/talks?from=2019-01-01&to=2018-01-01").isProblem(400, "invalid-date-range");
        api.get("/talks?mode=boolean&" + q("\"unterminated phrase")).isProblem(400, "invalid-search-query");
        Page paging = pages.get("/talks?page=-1").isOk(400);
        assertThat(paging.text("main h1")).isNotBlank();
        assertThat(pages.get("/talks?size=abc").status()).isEqualTo(400);
    }

    // --- a talk's page ---

    @Test
    void theTalkPageShowsTheAbstractFromMarkdownWithItsHtmlEscapedTheSpeakersTheEventAndTheMaterials() {
        Page page = pages.get("/talks/" + neuralOdes).isOk(200).headingsAreInOrder().everyLinkIsNamed();

        assertThat(page.document().title()).isEqualTo(ODES_TITLE + " — Podium");
        Element h1 = page.one("main h1");
        assertThat(h1.text()).isEqualTo(ODES_TITLE);
        assertThat(h1.children()).isEmpty();
        assertThat(h1.attr("lang")).isEqualTo("en");
        assertThat(page.one("html").attr("lang")).isEqualTo("en");

        Element abstractText = page.one("main .abstract");
        assertThat(abstractText.select("strong").text()).isEqualTo("ResNets");
        assertThat(abstractText.text()).contains("( h_{t+1} = f(h_t, \\theta_t) + h_t )", "Montréal 🚶🚷",
                "<script>alert('abstract')</script>", "<img src=x onerror=alert(1)>");
        assertThat(abstractText.select("script, img")).isEmpty();
        assertThat(abstractText.select("a").eachAttr("href")).contains("https://arxiv.org/abs/1806.07366")
                .noneMatch(href -> href.startsWith("javascript"));
        assertThat(page.document().select("script")).allSatisfy(script -> assertThat(script.attr("type")).isEqualTo("application/ld+json"));
        assertThat(page.document().select("[onerror]")).isEmpty();

        Element speaker = page.one("main ul.speakers li");
        assertThat(speaker.text()).isEqualTo("Martin Andrews, Red Dragon AI");
        assertThat(speaker.select("a").attr("href")).isEqualTo("/speakers/" + profileOf.get(neuralOdes));

        Element event = page.one("main dl.event");
        assertThat(event.select("a").attr("href")).isEqualTo("/events/" + lightning.eventId());
        assertThat(event.select("a").text()).isEqualTo("NeurIPS Lightning Talks");
        assertThat(event.select("time").attr("datetime")).isEqualTo("2019-02-26T19:00+08:00");
        assertThat(spaced(event.select("time").text())).isEqualTo("February 26, 2019 at 7:00 PM (Singapore Standard Time)");
        assertThat(event.text()).contains("TensorFlow & Deep Learning SG");
        assertThat(page.text("main dl.meta")).contains("Lightning talk", "5 minutes", "English", "Advanced");

        Elements materials = page.document().select("main ul.materials a");
        assertThat(materials.eachText()).containsExactly("Slides", "Video", "Code", "Neural Ordinary Differential Equations");
        assertThat(materials.eachAttr("href")).containsExactly("https://redcatlabs.com/2019-02-26_TFandDL_NeurIPS/",
                "https://www.youtube.com/watch?v=neural-odes", "https://github.com/rtqichen/torchdiffeq", "https://arxiv.org/abs/1806.07366");
        assertThat(page.document().select("main ul.tags a").eachAttr("href")).containsExactly("/talks?tag=neurips", "/talks?tag=lightning");

        assertThat(page.html()).doesNotContain("@speakers.example.org", "Needs a projector");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'none'");
        assertThat(page.header("Vary")).contains("Accept");
    }

    @Test
    void theTalkPageDescribesItselfWithJsonLdAndOpenGraph() throws IOException {
        Page page = pages.get("/talks/" + luvizon).isOk(200);
        String url = "https://podium.example.org/talks/" + luvizon;

        assertThat(page.one("meta[property=og:title]").attr("content")).isEqualTo(seeds.get(2).title());
        assertThat(page.one("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.one("meta[property=og:url]").attr("content")).isEqualTo(url);
        assertThat(page.one("meta[property=og:description]").attr("content"))
                .startsWith("Action recognition and human pose estimation").endsWith("…").hasSizeLessThanOrEqualTo(201);
        assertThat(page.one("link[rel=canonical]").attr("href")).isEqualTo(url);

        Elements scripts = page.document().select("script[type=application/ld+json]");
        assertThat(scripts).hasSize(1);
        Map<String, Object> work = json.readValue(scripts.get(0).data(), Argument.mapOf(String.class, Object.class));
        assertThat(work).containsEntry("@context", "https://schema.org").containsEntry("@type", "CreativeWork")
                .containsEntry("name", seeds.get(2).title()).containsEntry("url", url).containsEntry("inLanguage", "en")
                .containsEntry("datePublished", "2018-03-07T19:00+01:00").containsEntry("timeRequired", "PT30M");
        assertThat((String) work.get("abstract")).isEqualTo(seeds.get(2).abstractText());
        assertThat(work.get("author")).isEqualTo(List.of(Map.of("@type", "Person", "name", "Diogo Luvizon",
                "url", "https://podium.example.org/speakers/" + profileOf.get(luvizon),
                "affiliation", Map.of("@type", "Organization", "name", "PhD Candidate at ETIS - Université de Cergy"))));
        assertThat(work.get("recordedAt")).isEqualTo(Map.of("@type", "Event", "name", "Deep Learning Meetup #13",
                "startDate", "2018-03-07T19:00+01:00", "url", "https://podium.example.org/events/" + meetup.eventId()));
        assertThat(work.get("hasPart")).isEqualTo(List.of(Map.of("@type", "PresentationDigitalDocument", "name", "Slides",
                "url", "https://speakerdeck.com/dluvizon/2d-3d-pose-estimation-and-action-recognition")));
        assertThat(page.one("main ul.materials a").attr("href"))
                .isEqualTo("https://speakerdeck.com/dluvizon/2d-3d-pose-estimation-and-action-recognition");

        // A title that holds </script> stays inside the script element, and parses back whole.
        Elements odes = pages.get("/talks/" + neuralOdes).document().select("script[type=application/ld+json]");
        assertThat(odes).hasSize(1);
        assertThat(json.readValue(odes.get(0).data(), Argument.mapOf(String.class, Object.class))).containsEntry("name", ODES_TITLE);
    }

    @Test
    void pagesAreInFrenchWhenAskedAndATalkPageInItsGroupsLanguageUnlessTheReaderChoseAnother() {
        Page archive = pages.get("/talks?lang=fr&" + q("universite")).isOk(200).everyInputIsLabelled();
        assertThat(archive.one("html").attr("lang")).isEqualTo("fr");
        assertThat(archive.text("main h1")).isEqualTo("Archives des exposés");
        assertThat(archive.text("label[for=q]")).isEqualTo("Mots");
        assertThat(archive.text("label[for=from]")).isEqualTo("Du");
        assertThat(archive.text("main h2")).isEqualTo("Résultats");
        assertThat(archive.text("main ol.list > li p.meta")).contains("Par Diogo Luvizon", "7 mars 2018");
        assertThat(archive.one("input[type=hidden][name=lang]").val()).isEqualTo("fr");
        // A reader who chose French stays in French: the links to other pages keep the choice.
        assertThat(resultLinks(archive)).containsExactly("/talks/" + luvizon + "?lang=fr");
        // The talk's own words are marked with its language, the page's with the page's.
        assertThat(archive.one("main ol.list > li h3").attr("lang")).isEqualTo("en");
        assertThat(archive.one("main ol.list > li p.abstract").attr("lang")).isEqualTo("en");
        assertThat(archive.one("main ol.list > li p.meta a").attr("href")).isEqualTo("/events/" + meetup.eventId() + "?lang=fr");
        Page browserFrench = pages.get("/talks", "fr-FR,fr;q=0.9,en;q=0.5");
        assertThat(browserFrench.one("html").attr("lang")).isEqualTo("fr");
        assertThat(resultLinks(browserFrench)).allSatisfy(link -> assertThat(link).doesNotContain("lang="));

        Page talk = pages.get("/talks/" + luvizon + "?lang=fr").isOk(200);
        assertThat(talk.one("html").attr("lang")).isEqualTo("fr");
        assertThat(talk.text("#speakers-heading")).isEqualTo("Intervenants");
        assertThat(talk.text("#abstract-heading")).isEqualTo("Résumé");
        assertThat(talk.one("main .abstract").attr("lang")).isEqualTo("en");
        assertThat(talk.text("main dl.event time")).isEqualTo("7 mars 2018 à 19:00 (heure normale d’Europe centrale)");
        assertThat(talk.text("main dl.meta")).contains("Exposé", "30 minutes", "anglais", "Avancé");
        assertThat(talk.text("main ul.materials a")).isEqualTo("Diapositives");
        assertThat(talk.one("main ul.speakers a").attr("href")).isEqualTo("/speakers/" + profileOf.get(luvizon) + "?lang=fr");
        assertThat(talk.document().select("main ul.tags a").eachAttr("href"))
                .containsExactly("/talks?tag=computer-vision&lang=fr", "/talks?tag=deep-learning&lang=fr");
        assertThat(talk.one("main > p > a").attr("href")).isEqualTo("/talks?lang=fr");

        // PAISS is a French-speaking group: its talks' pages are in French unless the reader picks English.
        assertThat(pages.get("/talks/" + lecun, "en").one("html").attr("lang")).isEqualTo("fr");
        Page english = pages.get("/talks/" + lecun + "?lang=en", "fr").isOk(200);
        assertThat(english.one("html").attr("lang")).isEqualTo("en");
        assertThat(spaced(english.text("main dl.event time"))).isEqualTo("July 2, 2018 at 9:00 AM (Central European Summer Time)");
        assertThat(english.text("main dl.meta")).contains("Keynote", "90 minutes");
    }

    @Test
    void aTalkOutsideThePublicArchiveIsNotFoundForAnyoneAsAPageOrAsAProblem() {
        for (String id : List.of(rejected, pending, UUID.randomUUID().toString(), "no such talk")) {
            String uri = "/talks/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            Page page = pages.get(uri).isOk(404);
            assertThat(page.text("main h1")).isEqualTo("Not found");
            assertThat(page.html()).doesNotContain("Pose estimation at the Université");

            api.get(uri).isProblem(404, "not-found");
            // Not for its own speaker nor the organisers either: the archive shows the same to everyone.
            if (speakerOf.containsKey(id)) {
                assertThat(pages.as(ALICE).get(uri).status()).isEqualTo(404);
                speakerOf.get(id).get(uri).isProblem(404, "not-found");
            }
        }
    }

    // --- programs ---

    @Test
    void programsGetTheSameJsonAsBeforeAtTheSameUrls() {
        String search = "/talks?" + q("Université");
        TalksApi.Response json = api.call(HttpRequest.GET(search).accept(MediaType.APPLICATION_JSON_TYPE)).isOk(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.list("items")).extracting(item -> item.get("id")).containsExactly(luvizon);
        assertThat(json.list("items").get(0)).containsOnlyKeys("id", "title", "abstract", "format", "durationMinutes", "language",
                "level", "tags", "speakers", "event", "groupSlug", "materials");
        assertThat(json.list("items").get(0).get("speakers"))
                .isEqualTo(List.of(Map.of("name", "Diogo Luvizon", "affiliation", "PhD Candidate at ETIS - Université de Cergy")));
        assertThat(api.get(search).text()).isEqualTo(json.text());
        assertThat(api.call(HttpRequest.GET(search).accept("*/*")).text()).isEqualTo(json.text());
        assertThat(json.header("Vary")).contains("Accept");

        TalksApi.Response talk = api.get("/talks/" + neuralOdes).isOk(200);
        assertThat(talk.contentType()).startsWith("application/json");
        assertThat(talk.body()).containsOnlyKeys("id", "title", "abstract", "format", "durationMinutes", "language", "level", "tags",
                "speakers", "event", "group", "materials");
        assertThat(talk.string("title")).isEqualTo(ODES_TITLE);
        assertThat(talk.string("abstract")).isEqualTo(ODES_ABSTRACT);
        assertThat(talk.list("speakers")).isEqualTo(List.of(Map.of("id", profileOf.get(neuralOdes), "name", "Martin Andrews",
                "affiliation", "Red Dragon AI")));
        assertThat(talk.map("event")).containsEntry("id", lightning.eventId()).containsEntry("startsAt", "2019-02-26T19:00:00")
                .containsEntry("timeZone", "Asia/Singapore");
        assertThat(talk.map("group")).containsEntry("name", "TensorFlow & Deep Learning SG").containsEntry("language", "en");
        assertThat(talk.map("materials")).containsEntry("slidesUrl", "https://redcatlabs.com/2019-02-26_TFandDL_NeurIPS/");
        assertThat(talk.text()).doesNotContain("@speakers.example.org", "Needs a projector", "Welcome");
    }

    // --- performance ---

    @Test
    void aResultsPageCostsTheSameQueriesWhateverNumberOfTalksItLists() {
        List<String> one = statements.during(() -> pages.get("/talks?size=1").isOk(200));
        List<String> five = statements.during(() -> pages.get("/talks?size=5").isOk(200));
        List<String> json = statements.during(() -> api.get("/talks?size=5").isOk(200));

        // The results come from the search index, which holds what they show: only the form's groups are read.
        assertThat(one).as("statements of a page of one talk: %s", one).hasSize(1);
        assertThat(five).as("statements of a page of five talks: %s", five).hasSize(1);
        assertThat(json).as("statements of the JSON: %s", json).isEmpty();
        assertThat(statements.during(() -> pages.get("/talks/" + neuralOdes).isOk(200))).as("statements of a talk's page").hasSize(4);
    }
}
