package dev.podium.talks;

import static dev.podium.talks.TalksFixtures.speaker;
import static dev.podium.talks.TalksFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.events.EventSnapshot;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public writes (speaker profiles, submissions) share one limit per client address: with 3 per
 * minute, the 4th answers 429 with Retry-After, and the next window takes requests again. The clock
 * stands still, so the window never turns over in the middle of the test.
 */
@MicronautTest(transactional = false)
class RateLimitTest extends OpenCfpTest {

    @Override
    protected Map<String, String> settings() {
        return Map.of("podium.rate-limits.public-writes.requests", "3", "podium.rate-limits.public-writes.window", "1m");
    }

    @Test
    void theFourthPublicWriteInAWindowIs429WithRetryAfter() {
        EventSnapshot event = meetupWithOpenCfp();

        TalksFixtures.SpeakerAccount speaker = api.newSpeaker(speaker("Arthur Mensch", "PhD Candidate at INRIA Parietal"));
        TalksApi me = api.as(speaker.identity());
        Map<String, Object> talk = submission(speaker.id(), event.eventId(), "Differentiable Dynamic Programming", "An abstract.");
        me.post("/submissions", talk).isOk(201);
        me.post("/submissions", talk).isOk(201);

        TalksApi.Response refused = me.post("/submissions", talk).isProblem(429, "rate-limited");
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(sql.count("SELECT COUNT(*) FROM submission")).isEqualTo(2);
        // The limit is the address's, whoever calls and on whichever public write.
        api.as(TalksFixtures.person("Someone Else", "someone@example.org")).post("/speakers", Map.of("name", "Someone Else"))
                .isProblem(429, "rate-limited");
        // Other writes are not limited.
        me.patch("/speakers/" + speaker.id(), Map.of("bio", "Still here")).isOk(200);

        clock.advance(Duration.ofSeconds(30));
        assertThat(me.post("/submissions", talk).isProblem(429, "rate-limited").header("Retry-After")).isEqualTo("30");
        clock.advance(Duration.ofSeconds(30));
        me.post("/submissions", talk).isOk(201);
    }
}
