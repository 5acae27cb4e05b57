package dev.podium.talks.cfp;

import static dev.podium.talks.TalksFixtures.cfp;
import static dev.podium.talks.TalksFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.events.EventCreated;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures;
import dev.podium.talks.TalksServiceTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: an event created a moment ago on events-service reaches talks-service's read model
 * through Kafka a little later. A request that names it in the meantime waits briefly
 * ({@code podium.read-models.wait}, 2 s by default) and, if the event is still unknown, is answered
 * 409 not-yet-known with Retry-After, never 404. The tests wait only for HTTP answers, as a client
 * would, never for the read model.
 */
@MicronautTest(transactional = false)
class NotYetKnownTest extends TalksServiceTest {

    TalksApi alice;
    String slug;
    Map<String, Object> window;

    @BeforeAll
    void setUp() {
        alice = api.as(ALICE);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        window = cfp(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        slug = "nyk-" + UUID.randomUUID().toString().substring(0, 8);
        TalksFixtures.publish(codec, TalksFixtures.group(slug, ALICE));
        // As a client would: retry opening the group's open call until talks-service answers (its consumer may be starting).
        await().atMost(Duration.ofSeconds(60)).until(() -> alice.put("/groups/" + slug + "/cfp", window).status() == 200);
    }

    @Test
    void aCallForPapersOpenedRightAfterTheEventWasCreatedIsOpened() {
        EventSnapshot event = meetup();
        TalksFixtures.publish(codec, new EventCreated(event));

        TalksApi.Response opened = alice.put("/events/" + event.eventId() + "/cfp", window).isOk(200);

        assertThat(opened.string("eventId")).isEqualTo(event.eventId());
        assertThat(opened.get("open")).isEqualTo(true);
    }

    @Test
    void anEventNotHeardOfYetIsAnswered409NotYetKnownWithRetryAfterThenTheRetrySucceeds() {
        EventSnapshot event = meetup();
        String cfp = "/events/" + event.eventId() + "/cfp";

        TalksApi.Response notYet = alice.put(cfp, window).isProblem(409, "not-yet-known");
        assertThat(notYet.header("Retry-After")).isEqualTo("2");
        assertThat(notYet.string("detail"))
                .contains("talks-service has not heard of event " + event.eventId() + " from events-service yet")
                .contains("created a moment ago, retry in 2 s")
                .contains("check the event id");
        assertThat(notYet.map("parameters")).containsEntry("resource", "event").containsEntry("id", event.eventId());
        // A read answers the same at once, without waiting.
        api.get(cfp).isProblem(409, "not-yet-known");
        assertThat(api.get(cfp).header("Retry-After")).isEqualTo("2");

        TalksFixtures.SpeakerAccount speaker = api.newSpeaker(TalksFixtures.speaker("Arthur Mensch", "INRIA"));
        Map<String, Object> talk = submission(speaker.id(), event.eventId(), "Differentiable Dynamic Programming",
                "Dynamic programming (DP) solves a variety of structured combinatorial problems.");
        api.as(speaker.identity()).post("/submissions", talk).isProblem(409, "not-yet-known");

        TalksFixtures.publish(codec, new EventCreated(event));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> alice.put(cfp, window).status() == 200);
        api.get(cfp).isOk(200);
        api.as(speaker.identity()).post("/submissions", talk).isOk(201);
    }

    @Test
    void anIdThatNeverExistedLooksTheSameAndTheDetailSaysToCheckIt() {
        TalksApi.Response never = alice.post("/events/" + UUID.randomUUID() + "/decisions/release", Map.of())
                .isProblem(409, "not-yet-known");
        assertThat(never.header("Retry-After")).isEqualTo("2");
        assertThat(never.string("detail")).contains("if retrying does not help, check the event id");
        alice.put("/groups/no-such-group-" + slug + "/cfp", window).isProblem(409, "not-yet-known");
    }

    private EventSnapshot meetup() {
        return TalksFixtures.event(slug, "Deep Learning Meetup #" + UUID.randomUUID().toString().substring(0, 4), "PUBLISHED",
                LocalDateTime.of(2030, 3, 7, 19, 0), "Europe/Paris");
    }
}
