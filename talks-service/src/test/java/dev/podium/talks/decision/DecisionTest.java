package dev.podium.talks.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.talks.TalkAccepted;
import dev.podium.contracts.talks.TalkRejected;
import dev.podium.talks.OpenCfpTest;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures.SeedTalk;
import dev.podium.talks.TalksFixtures.SpeakerAccount;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * Staged decisions, released together: accepting or rejecting records who decided, why and when,
 * invisibly to speakers and without a message; releasing publishes one TalkAccepted or TalkRejected
 * per decision, once, and makes the decision final.
 */
@MicronautTest(transactional = false)
class DecisionTest extends OpenCfpTest {

    @Test
    void stagedDecisionsAreReleasedTogetherOnce() {
        EventSnapshot event = meetupWithOpenCfp();
        SeedTalk mensch = seeds.get(1);
        SpeakerAccount arthurMensch = api.newSpeaker(mensch);
        TalksApi arthur = api.as(arthurMensch.identity());
        String a = api.submit(arthurMensch, event.eventId(), mensch).string("id");
        clock.advance(Duration.ofHours(1));
        String newTitle = "Differentiable Dynamic Programming for Structured Prediction";
        arthur.patch("/submissions/" + a, Map.of("title", newTitle)).isOk(200);
        SpeakerAccount oliverGrisel = api.newSpeaker(seeds.get(0));
        TalksApi olivier = api.as(oliverGrisel.identity());
        String b = api.submit(oliverGrisel, event.eventId(), seeds.get(0)).string("id");

        // Staged decisions: recorded, invisible to speakers, nothing published.
        clock.advance(Duration.ofHours(1));
        Instant decidedAt = clock.instant();
        TalksApi.Response accepted = api.as(ALICE).post("/submissions/" + a + "/accept", Map.of("reason", "Great fit for a research night")).isOk(200);
        assertThat(accepted.map("decision")).containsEntry("outcome", "ACCEPTED").containsEntry("decidedBy", ALICE.email())
                .containsEntry("released", false).containsEntry("reason", "Great fit for a research night")
                .containsEntry("decidedAt", decidedAt.toString());
        api.as(BOB).post("/submissions/" + b + "/accept", null).isOk(200);
        api.as(BOB).post("/submissions/" + b + "/reject", Map.of("reason", "Too close to another talk")).isOk(200);
        assertThat(arthur.get("/submissions/" + a).string("status")).isEqualTo("SUBMITTED");
        assertThat(arthur.get("/submissions/" + a).get("decision")).isNull();
        arthur.patch("/submissions/" + a, Map.of("title", "Too late")).isProblem(409, "submission-decided");
        assertThat(outboxCount(a, "podium.talks.TalkAccepted") + outboxCount(b, "podium.talks.TalkRejected")
                + outboxCount(b, "podium.talks.TalkAccepted")).isZero();

        // Release: each staged decision published once.
        clock.advance(Duration.ofHours(1));
        TalksApi.Response release = api.as(ALICE).post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200);
        assertThat(release.get("accepted")).isEqualTo(1);
        assertThat(release.get("rejected")).isEqualTo(1);
        TalksApi.Response afterRelease = arthur.get("/submissions/" + a);
        assertThat(afterRelease.string("status")).isEqualTo("ACCEPTED");
        assertThat(afterRelease.map("decision")).containsEntry("outcome", "ACCEPTED")
                .containsEntry("reason", "Great fit for a research night").containsEntry("releasedAt", clock.instant().toString());
        assertThat(olivier.get("/submissions/" + b).string("status")).isEqualTo("REJECTED");

        TalkAccepted talkAccepted = topic.message(a, TalkAccepted.class).dataAs(TalkAccepted.class);
        assertThat(talkAccepted.reason()).isEqualTo("Great fit for a research night");
        assertThat(talkAccepted.decidedAt()).isEqualTo(decidedAt);
        assertThat(talkAccepted.talk().status()).isEqualTo("ACCEPTED");
        assertThat(talkAccepted.talk().title()).isEqualTo(newTitle);
        assertThat(talkAccepted.talk().eventId()).isEqualTo(event.eventId());
        TalkRejected talkRejected = topic.message(b, TalkRejected.class).dataAs(TalkRejected.class);
        assertThat(talkRejected.reason()).isEqualTo("Too close to another talk");
        assertThat(talkRejected.talk().status()).isEqualTo("REJECTED");
        assertThat(talkRejected.talk().speakers()).extracting(SpeakerRef::name).containsExactly("Olivier Grisel");

        assertThat(api.as(ALICE).post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200).list("released")).isEmpty();
        assertThat(outboxCount(a, "podium.talks.TalkAccepted")).isEqualTo(1);
        assertThat(outboxCount(b, "podium.talks.TalkRejected")).isEqualTo(1);
        api.as(ALICE).post("/submissions/" + b + "/accept", Map.of()).isProblem(409, "decision-released");

        assertThat(api.as(BOB).get("/events/" + event.eventId() + "/submissions?status=REJECTED").list("items"))
                .singleElement().satisfies(i -> assertThat(i.get("decision")).asInstanceOf(InstanceOfAssertFactories.MAP)
                        .containsEntry("released", true).containsEntry("decidedBy", BOB.email()));
    }

    private long outboxCount(String submissionId, String type) {
        return sql.count("SELECT COUNT(*) FROM outbox WHERE message_key = ? AND type = ?", submissionId, type);
    }
}
