package dev.podium.talks.submission;

import static dev.podium.talks.TalksFixtures.speaker;
import static dev.podium.talks.TalksFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures;
import dev.podium.talks.TalksFixtures.SpeakerAccount;
import dev.podium.talks.TalksServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A submission is private to its speakers, its group's organisers and admin: a speaker guessing
 * another's submission id learns and changes nothing (IDOR), nobody submits with someone else's
 * profile, and speakers see their outcome but never the reviews.
 */
@MicronautTest(transactional = false)
class SubmissionPrivacyTest extends TalksServiceTest {

    static final Identity ORLA = TalksFixtures.person("Orla Organiser", "orla@organisers.example.org");

    EventSnapshot event;

    @BeforeAll
    void setUp() {
        event = newGroupWithOpenCfp("privacy-" + UUID.randomUUID().toString().substring(0, 8), ORLA);
    }

    @Test
    void guessingAnotherSpeakersSubmissionIdRevealsAndChangesNothing() {
        SpeakerAccount victim = api.newSpeaker(speaker("Arthur Mensch", "PhD Candidate at INRIA Parietal"));
        String talk = submit(victim, "Differentiable Dynamic Programming");
        SpeakerAccount mallory = api.newSpeaker(speaker("Mallory", "Nowhere"));
        String own = submit(mallory, "My own talk");
        TalksApi asMallory = api.as(mallory.identity());
        String base = "/submissions/" + talk;

        // Exactly what an id that does not exist gets.
        asMallory.get("/submissions/" + UUID.randomUUID()).isProblem(404, "not-found");
        asMallory.get(base).isProblem(404, "not-found");
        asMallory.get(base + "/revisions").isProblem(404, "not-found");
        asMallory.patch(base, Map.of("title", "Hijacked")).isProblem(404, "not-found");
        asMallory.post(base + "/withdraw", Map.of()).isProblem(404, "not-found");
        asMallory.post(base + "/confirm", Map.of()).isProblem(404, "not-found");
        asMallory.get(base + "/invitations").isProblem(404, "not-found");
        asMallory.post(base + "/invitations", Map.of("email", "mallory@example.org")).isProblem(404, "not-found");
        asMallory.put(base + "/materials", Map.of("slidesUrl", "https://example.org/evil.pdf")).isProblem(404, "not-found");
        asMallory.get(base + "/materials").isProblem(404, "not-found");
        asMallory.get(base + "/reviews").isProblem(404, "not-found");
        asMallory.get("/submissions/" + own).isOk(200);

        TalksApi.Response untouched = api.as(victim.identity()).get(base).isOk(200);
        assertThat(untouched.string("status")).isEqualTo("SUBMITTED");
        assertThat(untouched.string("title")).isEqualTo("Differentiable Dynamic Programming");
        assertThat(untouched.get("revision")).isEqualTo(0);
        assertThat(sql.count("SELECT COUNT(*) FROM outbox WHERE message_key = ? AND type <> 'podium.talks.TalkSubmitted'", talk)).isZero();
        assertThat(sql.count("SELECT COUNT(*) FROM invitation WHERE submission_id = ?", talk)).isZero();
    }

    @Test
    void nobodySubmitsWithSomeoneElsesProfile() {
        SpeakerAccount victim = api.newSpeaker(speaker("Olivier Grisel", "Software Engineer at INRIA"));
        SpeakerAccount mallory = api.newSpeaker(speaker("Mallory", "Nowhere"));
        TalksApi asMallory = api.as(mallory.identity());
        long before = sql.count("SELECT COUNT(*) FROM submission_speaker WHERE speaker_id = ?", victim.id());

        asMallory.post("/submissions", submission(victim.id(), event.eventId(), "In your name", "An abstract."))
                .isProblem(403, "forbidden");
        asMallory.post("/submissions", TalksFixtures.with(submission(mallory.id(), event.eventId(), "With you", "An abstract."),
                "speakerIds", List.of(mallory.id(), victim.id()))).isProblem(403, "forbidden");
        api.post("/submissions", submission(victim.id(), event.eventId(), "Anonymously", "An abstract."))
                .isProblem(401, "authentication-required");

        assertThat(sql.count("SELECT COUNT(*) FROM submission_speaker WHERE speaker_id = ?", victim.id())).isEqualTo(before);
        // An admin may submit on someone's behalf.
        api.as(Identity.admin("admin-" + UUID.randomUUID()))
                .post("/submissions", submission(victim.id(), event.eventId(), "On your behalf", "An abstract.")).isOk(201);
    }

    @Test
    void aSpeakerSeesTheOutcomeButNeitherScoresNorReviewersComments() {
        SpeakerAccount speaker = api.newSpeaker(speaker("Diogo Luvizon", "PhD Candidate at ETIS"));
        TalksApi me = api.as(speaker.identity());
        String talk = submit(speaker, "Human Pose Regression");
        TalksApi orla = api.as(ORLA);
        orla.post("/submissions/" + talk + "/reviews", Map.of("score", 2, "comment", "PRIVATE: the abstract oversells")).isOk(201);
        orla.post("/submissions/" + talk + "/accept", Map.of("reason", "Welcome to the research night")).isOk(200);
        orla.post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200);
        assertThat(orla.get("/submissions/" + talk + "/reviews").text()).contains("PRIVATE: the abstract oversells");

        TalksApi.Response mine = me.get("/submissions/" + talk).isOk(200);
        assertThat(mine.string("status")).isEqualTo("ACCEPTED");
        assertThat(mine.map("decision")).containsEntry("outcome", "ACCEPTED").containsEntry("reason", "Welcome to the research night")
                .doesNotContainKey("decidedBy");
        assertThat(mine.body()).doesNotContainKeys("reviews", "averageScore", "reviewCount", "score");
        assertThat(mine.text()).doesNotContain("PRIVATE").doesNotContain(ORLA.email());
        assertThat(me.get("/submissions/" + talk + "/revisions").text()).doesNotContain("PRIVATE");
        me.get("/submissions/" + talk + "/reviews").isProblem(403, "forbidden");
    }

    // --- helpers ---

    private String submit(SpeakerAccount speaker, String title) {
        return api.as(speaker.identity()).post("/submissions", submission(speaker.id(), event.eventId(), title, "An abstract."))
                .isOk(201).string("id");
    }
}
