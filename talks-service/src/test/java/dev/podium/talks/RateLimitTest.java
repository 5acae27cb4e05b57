package dev.podium.talks;

import static dev.podium.talks.TalksFixtures.cfp;
import static dev.podium.talks.TalksFixtures.speaker;
import static dev.podium.talks.TalksFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.persistence.Sql;
import dev.podium.talks.catalog.Catalog;
import dev.podium.testsupport.MutableClock;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public writes (speaker profiles, submissions) share one limit per client address: with 3 per
 * minute, the 4th answers 429 with Retry-After, and the next window takes requests again. The clock
 * stands still, so the window never turns over in the middle of the test.
 */
@MicronautTest(transactional = false)
class RateLimitTest implements RealServers {

    static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    static final Identity ALICE = TalksFixtures.organiser("alice@organisers.example.org");

    final MutableClock clock = MutableClock.at(T0.toString());

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        properties.put("podium.rate-limits.public-writes.requests", "3");
        properties.put("podium.rate-limits.public-writes.window", "1m");
        return properties;
    }

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    MessageCodec codec;
    @Inject
    Catalog catalog;
    @Inject
    Sql sql;

    @Test
    void theFourthPublicWriteInAWindowIs429WithRetryAfter() {
        TalksApi api = new TalksApi(http, json);
        TalksFixtures.knownGroup(codec, catalog, TalksFixtures.group("rate-limits", ALICE));
        EventSnapshot event = TalksFixtures.knownEvent(codec, catalog,
                TalksFixtures.event("rate-limits", "Deep Learning Meetup #13", "PUBLISHED", LocalDateTime.of(2026, 3, 7, 19, 0), "Europe/Paris"));
        api.as(ALICE).put("/events/" + event.eventId() + "/cfp", cfp(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(30))))
                .isOk(200);

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
