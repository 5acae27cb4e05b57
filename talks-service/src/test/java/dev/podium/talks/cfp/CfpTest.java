package dev.podium.talks.cfp;

import static dev.podium.talks.TalksFixtures.cfp;
import static dev.podium.talks.TalksFixtures.submission;
import static dev.podium.talks.TalksFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.talks.TalkSnapshot;
import dev.podium.contracts.talks.TalkSubmitted;
import dev.podium.talks.OpenCfpTest;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures;
import dev.podium.talks.TalksFixtures.SpeakerAccount;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Calls for papers: submissions are taken only inside the window (409 cfp-closed before and after,
 * saying when), organisers move it, and a group's open call takes talks not tied to an event yet.
 */
@MicronautTest(transactional = false)
class CfpTest extends OpenCfpTest {

    @Test
    void callForPapersWindow() {
        EventSnapshot event = TalksFixtures.knownEvent(codec, catalog,
                TalksFixtures.event(GROUP, "Deep Learning Meetup #14", "DRAFT", LocalDateTime.of(2026, 4, 4, 19, 0), "Europe/Paris"));
        Instant opens = T0.plus(Duration.ofDays(1));
        Instant closes = T0.plus(Duration.ofDays(2));
        TalksApi alice = api.as(ALICE);
        TalksApi.Response window = alice.put("/events/" + event.eventId() + "/cfp", cfp(opens, closes)).isOk(200);
        assertThat(window.get("open")).isEqualTo(false);
        assertThat(window.string("opensAt")).isEqualTo(opens.toString());
        SpeakerAccount speaker = api.newSpeaker(seeds.get(0));
        TalksApi me = api.as(speaker.identity());
        Map<String, Object> request = submission(speaker.id(), event.eventId(), seeds.get(0).title(), seeds.get(0).abstractText());

        TalksApi.Response tooEarly = me.post("/submissions", request).isProblem(409, "cfp-closed");
        assertThat(tooEarly.string("detail")).contains("opens at " + opens);
        clock.set(opens);
        me.post("/submissions", request).isOk(201);
        assertThat(api.get("/events/" + event.eventId() + "/cfp").get("open")).isEqualTo(true);
        clock.set(closes.minusNanos(1000));
        me.post("/submissions", request).isOk(201);
        clock.set(closes);
        TalksApi.Response tooLate = me.post("/submissions", request).isProblem(409, "cfp-closed");
        assertThat(tooLate.string("detail")).contains("closed at " + closes);

        // Organisers extend the call.
        alice.put("/events/" + event.eventId() + "/cfp", cfp(opens, closes.plus(Duration.ofDays(1)))).isOk(200);
        me.post("/submissions", request).isOk(201);
        assertThat(alice.get("/events/" + event.eventId() + "/submissions").get("total")).isEqualTo(3);

        // A group's open call, for talks not tied to an event yet.
        String slug = "paiss-" + UUID.randomUUID().toString().substring(0, 8);
        TalksFixtures.knownGroup(codec, catalog, TalksFixtures.group(slug, ALICE));
        Map<String, Object> openCall = with(with(request, "eventId", null), "groupSlug", slug);
        me.post("/submissions", openCall).isProblem(409, "cfp-closed");
        alice.put("/groups/" + slug + "/cfp", cfp(T0, T0.plus(Duration.ofDays(90)))).isOk(200);
        TalksApi.Response toGroup = me.post("/submissions", openCall).isOk(201);
        assertThat(toGroup.get("eventId")).isNull();
        assertThat(toGroup.string("groupId")).isEqualTo(TalksFixtures.groupId(slug));
        TalkSnapshot groupTalk = topic.message(toGroup.string("id"), TalkSubmitted.class).dataAs(TalkSubmitted.class).talk();
        assertThat(groupTalk.eventId()).isNull();
        assertThat(groupTalk.groupId()).isEqualTo(TalksFixtures.groupId(slug));
        assertThat(alice.get("/groups/" + slug + "/submissions").list("items")).extracting(i -> i.get("id"))
                .containsExactly(toGroup.string("id"));
        api.as(ALICE).post("/submissions/" + toGroup.string("id") + "/accept", Map.of()).isOk(200);
        assertThat(alice.post("/groups/" + slug + "/decisions/release", Map.of()).isOk(200).get("accepted")).isEqualTo(1);
        assertThat(catalog.organisersOf(TalksFixtures.groupId(slug))).containsExactly(ALICE.email());
    }
}
