package dev.podium.talks.submission;

import static dev.podium.talks.TalksFixtures.submission;
import static dev.podium.talks.TalksFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.talks.TalkConfirmed;
import dev.podium.contracts.talks.TalkSnapshot;
import dev.podium.contracts.talks.TalkSubmitted;
import dev.podium.contracts.talks.TalkUpdated;
import dev.podium.contracts.talks.TalkWithdrawn;
import dev.podium.talks.OpenCfpTest;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures.SeedTalk;
import dev.podium.talks.TalksFixtures.SpeakerAccount;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The speakers' side of a submission, through the API and on the submissions topic: submit, edit
 * with revision history, confirm once accepted, withdraw before the event; the seed abstracts kept
 * byte for byte.
 */
@MicronautTest(transactional = false)
class SubmissionTest extends OpenCfpTest {

    @Test
    void submitThenEditWithARevisionHistory() {
        EventSnapshot event = meetupWithOpenCfp();
        SeedTalk mensch = seeds.get(1);
        SpeakerAccount arthurMensch = api.newSpeaker(mensch);
        String menschId = arthurMensch.id();
        TalksApi arthur = api.as(arthurMensch.identity());

        TalksApi.Response submitted = api.submit(arthurMensch, event.eventId(), mensch);
        String a = submitted.string("id");
        assertThat(submitted.location()).isEqualTo("/submissions/" + a);
        assertThat(submitted.string("status")).isEqualTo("SUBMITTED");
        assertThat(submitted.get("revision")).isEqualTo(0);
        assertThat(submitted.string("eventId")).isEqualTo(event.eventId());
        assertThat(submitted.list("speakers")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("id", menschId).containsEntry("role", "PRIMARY")
                        .containsEntry("affiliation", "PhD Candidate at INRIA Parietal"));

        DecodedMessage submittedMessage = topic.message(a, TalkSubmitted.class);
        assertThat(submittedMessage.envelope().type()).isEqualTo("podium.talks.TalkSubmitted");
        assertThat(submittedMessage.envelope().source()).isEqualTo("/podium/talks-service");
        assertThat(submittedMessage.envelope().subject()).isEqualTo(a);
        TalkSubmitted talkSubmitted = submittedMessage.dataAs(TalkSubmitted.class);
        assertThat(talkSubmitted.submittedAt()).isEqualTo(T0);
        TalkSnapshot snapshot = talkSubmitted.talk();
        assertThat(snapshot.submissionId()).isEqualTo(a);
        assertThat(snapshot.eventId()).isEqualTo(event.eventId());
        assertThat(snapshot.groupId()).isEqualTo(event.groupId());
        assertThat(snapshot.title()).isEqualTo(mensch.title());
        assertThat(snapshot.abstractText()).isEqualTo(mensch.abstractText());
        assertThat(snapshot.format()).isEqualTo("TALK");
        assertThat(snapshot.durationMinutes()).isEqualTo(30);
        assertThat(snapshot.language()).isEqualTo("en");
        assertThat(snapshot.level()).isEqualTo("ADVANCED");
        assertThat(snapshot.tags()).containsExactly("deep-learning");
        assertThat(snapshot.status()).isEqualTo("SUBMITTED");
        assertThat(snapshot.speakers()).singleElement().satisfies(s -> {
            assertThat(s.speakerId()).isEqualTo(menschId);
            assertThat(s.name()).isEqualTo("Arthur Mensch");
            assertThat(s.affiliation()).isEqualTo("PhD Candidate at INRIA Parietal");
            assertThat(s.email()).endsWith("@speakers.example.org");
        });

        // The speaker edits: a new revision, the old one kept.
        clock.advance(Duration.ofHours(1));
        String newTitle = "Differentiable Dynamic Programming for Structured Prediction";
        TalksApi.Response edited = arthur.patch("/submissions/" + a,
                Map.of("title", newTitle, "durationMinutes", 40, "tags", List.of("dynamic-programming", "attention"))).isOk(200);
        assertThat(edited.get("revision")).isEqualTo(1);
        assertThat(edited.string("title")).isEqualTo(newTitle);
        assertThat(edited.string("abstract")).isEqualTo(mensch.abstractText());
        TalkUpdated updated = topic.message(a, TalkUpdated.class).dataAs(TalkUpdated.class);
        assertThat(updated.revision()).isEqualTo(1);
        assertThat(updated.updatedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(updated.talk().title()).isEqualTo(newTitle);
        assertThat(updated.talk().durationMinutes()).isEqualTo(40);
        assertThat(updated.talk().tags()).containsExactly("dynamic-programming", "attention");
        arthur.patch("/submissions/" + a, Map.of("title", newTitle)).isOk(200);
        TalksApi.Response revisions = arthur.get("/submissions/" + a + "/revisions");
        assertThat(revisions.text()).startsWith("[");
        List<Map<String, Object>> history = revisions.elements();
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).containsEntry("revision", 0).containsEntry("title", mensch.title())
                .containsEntry("durationMinutes", 30).containsEntry("tags", List.of("deep-learning"))
                .containsEntry("revisedAt", T0.toString());
        assertThat(history.get(1)).containsEntry("revision", 1).containsEntry("title", newTitle)
                .containsEntry("abstract", mensch.abstractText()).containsEntry("durationMinutes", 40);
    }

    @Test
    void theSpeakerConfirmsAnAcceptedTalkOnce() {
        EventSnapshot event = meetupWithOpenCfp();
        SpeakerAccount arthurMensch = api.newSpeaker(seeds.get(1));
        SpeakerAccount oliverGrisel = api.newSpeaker(seeds.get(0));
        TalksApi arthur = api.as(arthurMensch.identity());
        TalksApi olivier = api.as(oliverGrisel.identity());
        String a = api.submit(arthurMensch, event.eventId(), seeds.get(1)).string("id");
        String b = api.submit(oliverGrisel, event.eventId(), seeds.get(0)).string("id");
        api.as(ALICE).post("/submissions/" + a + "/accept", Map.of("reason", "Great fit for a research night")).isOk(200);
        api.as(BOB).post("/submissions/" + b + "/reject", Map.of("reason", "Too close to another talk")).isOk(200);
        clock.advance(Duration.ofHours(3));
        api.as(ALICE).post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200);

        TalksApi.Response confirmed = arthur.post("/submissions/" + a + "/confirm", Map.of()).isOk(200);
        assertThat(confirmed.string("status")).isEqualTo("CONFIRMED");
        TalkConfirmed talkConfirmed = topic.message(a, TalkConfirmed.class).dataAs(TalkConfirmed.class);
        assertThat(talkConfirmed.confirmedAt()).isEqualTo(clock.instant());
        assertThat(talkConfirmed.talk().status()).isEqualTo("CONFIRMED");
        arthur.post("/submissions/" + a + "/confirm", Map.of()).isProblem(409, "already-confirmed");
        olivier.post("/submissions/" + b + "/confirm", Map.of()).isProblem(409, "not-accepted");

        assertThat(api.as(ALICE).get("/events/" + event.eventId() + "/submissions?status=CONFIRMED").list("items"))
                .extracting(i -> i.get("id")).containsExactly(a);
    }

    @Test
    void withdrawBeforeTheEventOnly() {
        EventSnapshot event = meetupWithOpenCfp();
        SpeakerAccount speaker = api.newSpeaker(seeds.get(2));
        TalksApi me = api.as(speaker.identity());

        String c = api.submit(speaker, event.eventId(), seeds.get(2)).string("id");
        TalksApi.Response withdrawn = me.post("/submissions/" + c + "/withdraw", Map.of()).isOk(200);
        assertThat(withdrawn.string("status")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.string("withdrawnAt")).isEqualTo(T0.toString());
        TalkWithdrawn talkWithdrawn = topic.message(c, TalkWithdrawn.class).dataAs(TalkWithdrawn.class);
        assertThat(talkWithdrawn.talk().status()).isEqualTo("WITHDRAWN");
        assertThat(talkWithdrawn.withdrawnAt()).isEqualTo(T0);

        // A staged decision disappears with the withdrawal: nothing to release.
        String d = api.submit(speaker, event.eventId(), seeds.get(2)).string("id");
        api.as(ALICE).post("/submissions/" + d + "/accept", Map.of()).isOk(200);
        me.post("/submissions/" + d + "/withdraw", Map.of()).isOk(200);
        assertThat(api.as(ALICE).post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200).list("released")).isEmpty();
        assertThat(outboxCount(d, "podium.talks.TalkAccepted")).isZero();

        // An accepted, confirmed talk can be withdrawn until the event starts, not after.
        String e = api.submit(speaker, event.eventId(), seeds.get(2)).string("id");
        api.as(ALICE).post("/submissions/" + e + "/accept", Map.of()).isOk(200);
        api.as(ALICE).post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200);
        me.post("/submissions/" + e + "/confirm", Map.of()).isOk(200);
        clock.set(event.startsAtUtc());
        me.post("/submissions/" + e + "/withdraw", Map.of()).isProblem(409, "event-started");
        clock.set(event.startsAtUtc().minusSeconds(1));
        assertThat(me.post("/submissions/" + e + "/withdraw", Map.of()).isOk(200).string("status")).isEqualTo("WITHDRAWN");
    }

    @Test
    void seedAbstractsRoundTripByteForByte() {
        EventSnapshot event = meetupWithOpenCfp();
        for (SeedTalk seed : seeds) {
            SpeakerAccount speaker = api.newSpeaker(seed);
            String id = api.submit(speaker, event.eventId(), seed).string("id");
            TalksApi.Response stored = api.as(speaker.identity()).get("/submissions/" + id).isOk(200);
            assertThat(stored.string("abstract").getBytes(StandardCharsets.UTF_8)).isEqualTo(seed.abstractText().getBytes(StandardCharsets.UTF_8));
            assertThat(stored.string("title")).isEqualTo(seed.title());
            assertThat(stored.list("speakers").get(0)).containsEntry("name", seed.speaker()).containsEntry("affiliation", seed.affiliation());
            TalkSnapshot published = topic.message(id, TalkSubmitted.class).dataAs(TalkSubmitted.class).talk();
            assertThat(published.abstractText()).isEqualTo(seed.abstractText());
            assertThat(published.speakers().get(0).affiliation()).isEqualTo(seed.affiliation());
        }
        assertThat(seeds.get(2).affiliation()).isEqualTo("PhD Candidate at ETIS - Université de Cergy");

        // Accents, emoji (outside the BMP), LaTeX, tabs, CRLF and trailing spaces, as in the other seeds.
        String lightning = "Neural ODEs 🎓🌅 — Mathematicians coming to DL.\r\n"
                + "In mathematics : \\( h_{t+1} = f(h_t, \\theta_t) + h_t \\)\t# step a fraction of a layer  \n"
                + "\\( {{dh_{t}}\\over{dt}} = f(h_t, \\theta_t, t) \\) — Montréal, NeurIPS 2018 ✨\n\n"
                + "“It’s alchemy, it never works… Only Yann can make it work.” πŸ‡«πŸ‡· 🚶🚷  ";
        SpeakerAccount martin = api.newSpeaker(seeds.get(0));
        TalksApi me = api.as(martin.identity());
        String id = me.post("/submissions", with(with(submission(martin.id(), event.eventId(), "Neural ODEs 🧮",
                lightning), "format", "LIGHTNING"), "durationMinutes", 5)).isOk(201).string("id");
        TalksApi.Response stored = me.get("/submissions/" + id);
        assertThat(stored.string("abstract").getBytes(StandardCharsets.UTF_8)).isEqualTo(lightning.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.string("title")).isEqualTo("Neural ODEs 🧮");
        assertThat(topic.message(id, TalkSubmitted.class).dataAs(TalkSubmitted.class).talk().abstractText()).isEqualTo(lightning);
    }

    private long outboxCount(String submissionId, String type) {
        return sql.count("SELECT COUNT(*) FROM outbox WHERE message_key = ? AND type = ?", submissionId, type);
    }
}
