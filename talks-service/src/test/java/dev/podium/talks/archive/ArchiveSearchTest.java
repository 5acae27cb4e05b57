package dev.podium.talks.archive;

import static dev.podium.talks.TalksFixtures.cfp;
import static dev.podium.talks.TalksFixtures.speaker;
import static dev.podium.talks.TalksFixtures.submission;
import static dev.podium.talks.TalksFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.events.EventCancelled;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures;
import dev.podium.talks.TalksServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public archive's search (its Lucene index): accent-insensitive words, phrases, speaker names and
 * affiliations, tag/group/date filters, newest first, paginated; only released accepted talks.
 */
@MicronautTest(transactional = false)
class ArchiveSearchTest extends TalksServiceTest {

    List<TalksFixtures.SeedTalk> seeds;
    String grisel;
    String mensch;
    String luvizon;
    String lecun;
    String zisserman;
    String larlus;
    String neuralOdes;
    String correspondences;
    String layerByLayer;
    String rejected;
    String notDecided;
    String withdrawn;
    String ofCancelledEvent;
    /** Who speaks in each talk. */
    final Map<String, TalksApi> speakerOf = new HashMap<>();

    @BeforeAll
    void setUp() {
        seeds = TalksFixtures.deepLearningMeetup13();
        EventSnapshot meetup = TalksFixtures.event("deep-learning-paris", "Deep Learning Meetup #13", "PUBLISHED",
                LocalDateTime.of(2018, 3, 7, 19, 0), "Europe/Paris");
        EventSnapshot school = TalksFixtures.event("paiss", "PAISS 2018 summer school", "PUBLISHED",
                LocalDateTime.of(2018, 7, 2, 9, 0), "Europe/Paris");
        EventSnapshot lightning = TalksFixtures.event("tfdl-sg", "NeurIPS Lightning Talks", "PUBLISHED",
                LocalDateTime.of(2019, 2, 26, 19, 0), "Asia/Singapore");
        EventSnapshot future = TalksFixtures.event("tfdl-sg", "A meetup to come", "PUBLISHED",
                LocalDateTime.of(2031, 1, 1, 19, 0), "Asia/Singapore");
        EventSnapshot cancelled = TalksFixtures.event("paiss", "A school that did not happen", "PUBLISHED",
                LocalDateTime.of(2018, 7, 9, 9, 0), "Europe/Paris");
        for (String group : List.of("deep-learning-paris", "paiss", "tfdl-sg")) {
            TalksFixtures.knownGroup(codec, catalog, TalksFixtures.group(group, ALICE));
        }
        TalksFixtures.knownEvents(codec, catalog, meetup, school, lightning, future, cancelled);
        TalksApi alice = api.as(ALICE);
        Instant now = Instant.now();
        for (EventSnapshot event : List.of(meetup, school, lightning, future, cancelled)) {
            alice.put("/events/" + event.eventId() + "/cfp", cfp(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)))).isOk(200);
        }

        grisel = talk(meetup, seeds.get(0).speaker(), seeds.get(0).affiliation(), seeds.get(0).title(), seeds.get(0).abstractText(),
                "TALK", 30, List.of("theory", "deep-learning"));
        mensch = talk(meetup, seeds.get(1).speaker(), seeds.get(1).affiliation(), seeds.get(1).title(), seeds.get(1).abstractText(),
                "TALK", 30, List.of("structured-prediction", "deep-learning"));
        luvizon = talk(meetup, seeds.get(2).speaker(), seeds.get(2).affiliation(), seeds.get(2).title(), seeds.get(2).abstractText(),
                "TALK", 30, List.of("computer-vision", "deep-learning"));
        lecun = talk(school, "Yann LeCun", "VP & Chief AI Scientist @ FB, Professor @ NYU", "Deep learning: past, present, and future",
                "Supervised learning is good for speech, images, portraits and text. End-to-end learning, from low- to high-level "
                        + "features, with adaptable parameters. What is missing: marrying deep learning with reasoning.",
                "KEYNOTE", 90, List.of("deep-learning", "history"));
        zisserman = talk(school, "Andrew Zisserman", "University of Oxford", "Self-supervised Learning",
                "Why self-supervision? The task is to define a proxy loss, and implicitly learn something of semantic significance.",
                "KEYNOTE", 90, List.of("computer-vision", "self-supervision"));
        larlus = talk(school, "Diane Larlus", "Senior scientist @ NAVER LABS Europe", "Image retrieval",
                "From a query image, represent it as a descriptor and find images with similar descriptors: 🚶🚷 person "
                        + "re-identification, query expansion and diffusion.",
                "PRACTICAL", 120, List.of("Computer-Vision"));
        neuralOdes = talk(lightning, "Martin Andrews", "Red Dragon AI", "Neural ODEs",
                "ResNets in mathematics: \\( h_{t+1} = f(h_t, \\theta_t) + h_t \\). NeurIPS was in Montréal, in December.",
                "LIGHTNING", 5, List.of("neurips", "lightning"));
        correspondences = talk(lightning, "Martin Andrews", "Red Dragon AI", "Image correspondences",
                "One standardly impressive paper, one crazy impressive paper: weakly supervised keypoints.",
                "LIGHTNING", 5, List.of("neurips", "lightning", "computer-vision"));
        layerByLayer = talk(lightning, "Martin Andrews", "Red Dragon AI", "Learning ImageNet layer-by-layer",
                "This shouldn't be possible: freeze weights when moving on to the next layer.",
                "LIGHTNING", 5, List.of("neurips", "lightning"));
        rejected = talk(school, "Rejected Speaker", "Université Grenoble Alpes", "Rejected: structured Viterbi",
                "A smoothed Viterbi algorithm at the Université.", "TALK", 30, List.of("computer-vision"));
        notDecided = talk(school, "Pending Speaker", "Université Grenoble Alpes", "Pending: structured Viterbi",
                "A smoothed Viterbi algorithm at the Université.", "TALK", 30, List.of("computer-vision"));
        ofCancelledEvent = talk(cancelled, "Cancelled Speaker", "Université Grenoble Alpes", "Talk of a cancelled school",
                "A smoothed Viterbi algorithm at the Université.", "TALK", 30, List.of("computer-vision"));
        withdrawn = talk(future, "Withdrawn Speaker", "Université de Montréal", "Withdrawn talk",
                "A smoothed Viterbi algorithm at the Université.", "LIGHTNING", 5, List.of("neurips"));

        for (String id : List.of(grisel, mensch, luvizon, lecun, zisserman, larlus, neuralOdes, correspondences, layerByLayer,
                withdrawn, ofCancelledEvent)) {
            alice.post("/submissions/" + id + "/accept", Map.of("reason", "Welcome")).isOk(200);
        }
        alice.post("/submissions/" + rejected + "/reject", Map.of("reason", "Off topic")).isOk(200);
        for (EventSnapshot event : List.of(meetup, school, lightning, future, cancelled)) {
            alice.post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200);
        }
        TalksFixtures.publish(codec, new EventCancelled(withStatus(cancelled, "CANCELLED"), "Strike", now));
        await().atMost(Duration.ofSeconds(60)).until(() -> catalog.event(cancelled.eventId()).orElseThrow().cancelled());
        speakerOf.get(luvizon).post("/submissions/" + luvizon + "/confirm", Map.of()).isOk(200);
        speakerOf.get(withdrawn).post("/submissions/" + withdrawn + "/withdraw", Map.of()).isOk(200);
        speakerOf.get(neuralOdes).put("/submissions/" + neuralOdes + "/materials", Map.of("slidesUrl", "https://redcatlabs.com/2019-02-26_TFandDL_NeurIPS",
                "references", List.of(Map.of("title", "Neural Ordinary Differential Equations", "url", "https://arxiv.org/abs/1806.07366"))))
                .isOk(200);
        // The search index follows the archive within a second: wait until a search shows the last change.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/talks?size=100").isOk(200).list("items"))
                .hasSize(9).anySatisfy(item -> assertThat(item.get("materials")).isNotNull()));
    }

    private static EventSnapshot withStatus(EventSnapshot e, String status) {
        return new EventSnapshot(e.eventId(), e.groupId(), e.groupSlug(), e.groupName(), e.language(), e.number(), e.title(),
                e.description(), status, e.startsAt(), e.endsAt(), e.timeZone(), e.startsAtUtc(), e.endsAtUtc(), e.venue(),
                e.capacity(), e.sequence() + 1, e.url(), e.agenda());
    }

    private String talk(EventSnapshot event, String name, String affiliation, String title, String abstractText,
                        String format, int minutes, List<String> tags) {
        TalksFixtures.SpeakerAccount speaker = api.newSpeaker(speaker(name, affiliation));
        Map<String, Object> request = with(with(with(submission(speaker.id(), event.eventId(), title, abstractText),
                "format", format), "durationMinutes", minutes), "tags", tags);
        TalksApi me = api.as(speaker.identity());
        String id = me.post("/submissions", request).isOk(201).string("id");
        speakerOf.put(id, me);
        return id;
    }

    private List<String> search(String query) {
        return ids(api.get("/talks?" + query).isOk(200));
    }

    private static List<String> ids(TalksApi.Response page) {
        return page.list("items").stream().map(item -> (String) item.get("id")).toList();
    }

    private static String q(String words) {
        return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    @Test
    void wordsMatchWithoutCaseOrAccents() {
        assertThat(search(q("universite"))).containsExactly(luvizon);
        assertThat(search(q("UNIVERSITÉ"))).containsExactly(luvizon);
        assertThat(search(q("Université"))).containsExactly(luvizon);
        assertThat(search(q("montreal"))).containsExactly(neuralOdes);
        assertThat(search(q("cergy"))).containsExactly(luvizon);
    }

    @Test
    void phrasesWordsAndSpeakers() {
        assertThat(search(q("\"smoothed Viterbi algorithm\"") + "&mode=boolean")).containsExactly(mensch);
        assertThat(search(q("\"Viterbi smoothed algorithm\"") + "&mode=boolean")).isEmpty();
        assertThat(search(q("+pose +estimation") + "&mode=boolean")).containsExactly(luvizon);
        assertThat(search(q("+action -video") + "&mode=boolean")).isEmpty();
        assertThat(search(q("differentiabl*") + "&mode=boolean")).containsExactly(mensch);
        assertThat(search(q("differentiable dynamic programming"))).containsExactly(mensch);
        assertThat(search(q("generalization expressive power"))).containsExactly(grisel);
        assertThat(search(q("Zisserman"))).containsExactly(zisserman);
        assertThat(search(q("Parietal"))).containsExactly(mensch);
        assertThat(search(q("NAVER"))).containsExactly(larlus);
        assertThat(search(q("viterbi"))).containsExactly(mensch);
    }

    @Test
    void filtersByTagGroupAndDates() {
        List<String> computerVision = search("tag=computer-vision");
        assertThat(computerVision).hasSize(4).startsWith(correspondences).endsWith(luvizon);
        assertThat(computerVision.subList(1, 3)).containsExactlyInAnyOrder(larlus, zisserman);
        assertThat(search("tag=COMPUTER-VISION&group=paiss")).containsExactlyInAnyOrder(larlus, zisserman);
        assertThat(search("group=paiss")).containsExactlyInAnyOrder(lecun, zisserman, larlus);
        assertThat(search("group=deep-learning-paris&" + q("universite"))).containsExactly(luvizon);
        assertThat(search("group=tfdl-sg&" + q("universite"))).isEmpty();
        assertThat(search("from=2018-06-01&to=2018-12-31")).containsExactlyInAnyOrder(lecun, zisserman, larlus);
        assertThat(search("to=2018-03-07")).containsExactlyInAnyOrder(grisel, mensch, luvizon);
        assertThat(search("from=2018-03-08&to=2018-07-01")).isEmpty();
        assertThat(search("from=2019-02-26&tag=lightning")).containsExactlyInAnyOrder(neuralOdes, correspondences, layerByLayer);
    }

    @Test
    void onlyReleasedAcceptedTalksNewestFirstAndPaginated() {
        TalksApi.Response all = api.get("/talks?size=100").isOk(200);
        assertThat(all.get("total")).isEqualTo(9);
        List<String> everything = ids(all);
        assertThat(everything).doesNotContain(rejected, notDecided, withdrawn, ofCancelledEvent);
        assertThat(everything.subList(0, 3)).containsExactlyInAnyOrder(neuralOdes, correspondences, layerByLayer);
        assertThat(everything.subList(3, 6)).containsExactlyInAnyOrder(lecun, zisserman, larlus);
        assertThat(everything.subList(6, 9)).containsExactlyInAnyOrder(grisel, mensch, luvizon);
        assertThat(all.text()).doesNotContain("@speakers.example.org").doesNotContain("Needs a projector");

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            TalksApi.Response response = api.get("/talks?size=4&page=" + page).isOk(200);
            assertThat(response.get("page")).isEqualTo(page);
            assertThat(response.get("size")).isEqualTo(4);
            assertThat(response.get("total")).isEqualTo(9);
            paged.addAll(ids(response));
        }
        assertThat(paged).containsExactlyElementsOf(everything);
        assertThat(new HashSet<>(paged)).hasSize(9);
        assertThat(api.get("/talks?size=4&page=3").list("items")).isEmpty();

        Map<String, Object> odes = all.list("items").stream().filter(i -> neuralOdes.equals(i.get("id"))).findFirst().orElseThrow();
        assertThat(odes).containsEntry("groupSlug", "tfdl-sg").containsEntry("format", "LIGHTNING");
        assertThat(odes.get("event")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("title", "NeurIPS Lightning Talks").containsEntry("startsAt", "2019-02-26T19:00:00")
                .containsEntry("timeZone", "Asia/Singapore");
        assertThat(odes.get("speakers")).isEqualTo(List.of(Map.of("name", "Martin Andrews", "affiliation", "Red Dragon AI")));
        assertThat(odes.get("materials")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("slidesUrl", "https://redcatlabs.com/2019-02-26_TFandDL_NeurIPS");
        assertThat((String) odes.get("abstract")).contains("\\( h_{t+1} = f(h_t, \\theta_t) + h_t \\)");
    }

    @Test
    void oddBooleanQueriesNeverFail() {
        for (String malformed : List.of("+", "-", "\"", "((", "*", "+-*", "\"unterminated phrase", "(pose", "pose)")) {
            api.get("/talks?mode=boolean&" + q(malformed)).isProblem(400, "invalid-search-query");
        }
        for (String odd : List.of("@3", "a~b<c>d", "pose -", "+ pose", "--pose", "pose**", "\"\"", "(+pose -video)", "é")) {
            TalksApi.Response response = api.get("/talks?mode=boolean&" + q(odd));
            assertThat(response.status()).as("q=%s answered %s", odd, response.text()).isIn(200, 400);
            if (response.status() == 400) {
                response.isProblem(400, "invalid-search-query");
            }
        }
        assertThat(api.get("/talks?" + q("((\"+-*")).status()).isEqualTo(200);
    }
}
