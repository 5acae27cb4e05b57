package dev.podium.talks.invitation;

import static dev.podium.talks.TalksFixtures.cfp;
import static dev.podium.talks.TalksFixtures.speaker;
import static dev.podium.talks.TalksFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.persistence.Sql;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures;
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
 * Co-speaker invitations email any address with the talk's text, so they are bounded: here 3 per
 * submission, ever, and 4 per inviting speaker per UTC day. The clock stands at 10:00 UTC.
 */
@MicronautTest(transactional = false)
class InvitationQuotaTest implements RealServers {

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
        properties.put("podium.quotas.invitations-per-submission", "3");
        properties.put("podium.quotas.invitations-per-speaker-per-day", "4");
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
    void aSubmissionInvitesAFewCoSpeakersAndASpeakerAFewADay() {
        TalksApi api = new TalksApi(http, json);
        TalksFixtures.knownGroup(codec, catalog, TalksFixtures.group("invitation-quotas", ALICE));
        EventSnapshot event = TalksFixtures.knownEvent(codec, catalog, TalksFixtures.event("invitation-quotas", "Deep Learning Meetup #14",
                "PUBLISHED", LocalDateTime.of(2026, 3, 7, 19, 0), "Europe/Paris"));
        api.as(ALICE).put("/events/" + event.eventId() + "/cfp", cfp(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(30))))
                .isOk(200);
        TalksFixtures.SpeakerAccount speaker = api.newSpeaker(speaker("Arthur Mensch", "PhD Candidate at INRIA Parietal"));
        TalksApi me = api.as(speaker.identity());
        String first = me.post("/submissions", submission(speaker.id(), event.eventId(), "Differentiable Dynamic Programming",
                "An abstract.")).isOk(201).string("id");
        String second = me.post("/submissions", submission(speaker.id(), event.eventId(), "Optimal Transport for Meetups",
                "Another abstract.")).isOk(201).string("id");

        for (int i = 0; i < 3; i++) {
            me.post("/submissions/" + first + "/invitations", Map.of("email", "co" + i + "@example.org")).isOk(201);
        }
        TalksApi.Response perSubmission = me.post("/submissions/" + first + "/invitations", Map.of("email", "co3@example.org"))
                .isProblem(403, "over-quota");
        assertThat(perSubmission.string("detail")).contains("at most 3 are allowed per submission");

        me.post("/submissions/" + second + "/invitations", Map.of("email", "co4@example.org")).isOk(201);
        TalksApi.Response perDay = me.post("/submissions/" + second + "/invitations", Map.of("email", "co5@example.org"))
                .isProblem(429, "quota-reached");
        assertThat(perDay.header("Retry-After")).as("14 h until the next UTC day").isEqualTo("50400");
        assertThat(sql.count("SELECT COUNT(*) FROM invitation WHERE submission_id IN (?, ?)", first, second))
                .as("the refused invitations were not recorded").isEqualTo(4);

        clock.advance(Duration.ofHours(14));
        me.post("/submissions/" + second + "/invitations", Map.of("email", "co5@example.org")).isOk(201);
    }
}
