package dev.podium.talks.erasure;

import static dev.podium.talks.TalksFixtures.cfp;
import static dev.podium.talks.TalksFixtures.speaker;
import static dev.podium.talks.TalksFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.PersonErased;
import dev.podium.devissuer.Identity;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures;
import dev.podium.talks.TalksFixtures.SpeakerAccount;
import dev.podium.talks.TalksServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A PersonErased from events-service's people topic empties the person's speaker profile and unties
 * it from their account, keeps their talks, and forgets the outbox messages naming their email.
 */
@MicronautTest(transactional = false)
class ErasureTest extends TalksServiceTest {

    @Test
    void anErasedPersonLeavesNoPersonalDataBehind() {
        EventSnapshot event = TalksFixtures.knownEvent(codec, catalog,
                TalksFixtures.event("read-model", "Erasure meetup", "PUBLISHED", LocalDateTime.of(2030, 5, 5, 19, 0), "Europe/Paris"));
        Identity alice = TalksFixtures.organiser("alice@organisers.example.org");
        TalksFixtures.knownGroup(codec, catalog, TalksFixtures.group("read-model", alice));
        Instant now = Instant.now();
        api.as(alice).put("/events/" + event.eventId() + "/cfp", cfp(now.minusSeconds(60), now.plus(Duration.ofDays(1)))).isOk(200);
        // An underscore, which a LIKE pattern would take for any character: the look-alike keeps its messages.
        String mailbox = UUID.randomUUID() + "@speakers.example.org";
        String email = "erin_" + mailbox;
        SpeakerAccount erin = api.newSpeaker(TalksFixtures.with(speaker("Erin Erasable", "Université de Nulle Part"), "email", email));
        String speakerId = erin.id();
        String talk = api.as(erin.identity()).post("/submissions", submission(speakerId, event.eventId(), "A talk", "An abstract."))
                .isOk(201).string("id");
        SpeakerAccount lookalike = api.newSpeaker(TalksFixtures.with(speaker("Erin Lookalike", "Elsewhere"), "email", "erinx" + mailbox));
        String otherTalk = api.as(lookalike.identity())
                .post("/submissions", submission(lookalike.id(), event.eventId(), "Another talk", "An abstract.")).isOk(201).string("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> sql.count(
                "SELECT COUNT(*) FROM outbox WHERE message_key IN (?, ?) AND published_at IS NULL", talk, otherTalk) == 0);

        TalksFixtures.publish(codec, new PersonErased(UUID.randomUUID().toString(), email, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> !"Erin Erasable".equals(api.get("/speakers/" + speakerId).string("name")));

        TalksApi.Response erased = api.get("/speakers/" + speakerId);
        assertThat(erased.string("name")).isEqualTo("Erased speaker");
        assertThat(erased.body()).doesNotContainKeys("email", "affiliation", "bio");
        assertThat(api.as(alice).get("/submissions/" + talk).list("speakers").get(0)).containsEntry("name", "Erased speaker")
                .doesNotContainKey("email");
        // The profile no longer belongs to the erased account either.
        assertThat(sql.count("SELECT COUNT(*) FROM speaker WHERE id = ? AND owner_sub IS NULL", speakerId)).isEqualTo(1);
        api.as(erin.identity()).get("/submissions/" + talk).isProblem(404, "not-found");
        api.as(erin.identity()).patch("/speakers/" + speakerId, Map.of("name", "Erin again")).isProblem(403, "forbidden");
        assertThat(sql.count("SELECT COUNT(*) FROM submission WHERE id = ? AND speakers_text LIKE '%Erin%'", talk)).isZero();
        // The messages already sent about Erin's talk leave the outbox now, not at the end of its retention.
        assertThat(sql.count("SELECT COUNT(*) FROM outbox WHERE INSTR(payload, ?) > 0", email)).isZero();
        assertThat(sql.count("SELECT COUNT(*) FROM outbox WHERE message_key = ?", otherTalk)).isEqualTo(1);
    }
}
