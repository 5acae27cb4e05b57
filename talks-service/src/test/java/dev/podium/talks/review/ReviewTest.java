package dev.podium.talks.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures;
import dev.podium.talks.TalksFixtures.SeedTalk;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Organisers review a submission once each (score 1-5, comment); the average and count show on the
 * review board, which sorts by score.
 */
@MicronautTest(transactional = false)
class ReviewTest implements RealServers {

    static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    static final Identity ALICE = TalksFixtures.organiser("alice@organisers.example.org");
    static final Identity BOB = TalksFixtures.organiser("bob@organisers.example.org");

    final MutableClock clock = MutableClock.at(T0.toString());

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
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

    TalksApi api;
    List<SeedTalk> seeds;

    @BeforeAll
    void setUp() {
        api = new TalksApi(http, json);
        seeds = TalksFixtures.deepLearningMeetup13();
        TalksFixtures.knownGroup(codec, catalog, TalksFixtures.group("dl-paris", ALICE, BOB));
    }

    @BeforeEach
    void resetClock() {
        clock.set(T0);
    }

    private EventSnapshot meetupWithOpenCfp() {
        return TalksFixtures.meetupWithOpenCfp(api, ALICE, codec, catalog, "dl-paris");
    }

    @Test
    void oneReviewPerOrganiserAveragedOnTheBoard() {
        EventSnapshot event = meetupWithOpenCfp();
        String a = api.submit(api.newSpeaker(seeds.get(1)), event.eventId(), seeds.get(1)).string("id");
        String b = api.submit(api.newSpeaker(seeds.get(0)), event.eventId(), seeds.get(0)).string("id");

        api.as(ALICE).post("/submissions/" + a + "/reviews", Map.of("score", 4, "comment", "Clear abstract")).isOk(201);
        api.as(BOB).post("/submissions/" + a + "/reviews", Map.of("score", 5)).isOk(201);
        api.as(ALICE).post("/submissions/" + a + "/reviews", Map.of("score", 1)).isProblem(409, "duplicate-review");
        api.as(ALICE).post("/submissions/" + b + "/reviews", Map.of("score", 2, "comment", "Overlaps with another talk")).isOk(201);
        TalksApi.Response reviews = api.as(ALICE).get("/submissions/" + a + "/reviews").isOk(200);
        assertThat(reviews.get("averageScore")).isEqualTo(4.5);
        assertThat(reviews.get("reviewCount")).isEqualTo(2);
        assertThat(reviews.list("reviews")).extracting(r -> r.get("reviewer")).containsExactly(ALICE.email(), BOB.email());

        TalksApi.Response board = api.as(ALICE).get("/events/" + event.eventId() + "/submissions?sort=score").isOk(200);
        assertThat(board.get("total")).isEqualTo(2);
        assertThat(board.list("items")).extracting(i -> i.get("id"), i -> i.get("averageScore"), i -> i.get("reviewCount"))
                .containsExactly(tuple(a, 4.5, 2), tuple(b, 2.0, 1));
    }
}
