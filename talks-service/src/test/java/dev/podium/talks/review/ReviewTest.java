package dev.podium.talks.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.podium.contracts.events.EventSnapshot;
import dev.podium.talks.OpenCfpTest;
import dev.podium.talks.TalksApi;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Organisers review a submission once each (score 1-5, comment); the average and count show on the
 * review board, which sorts by score.
 */
@MicronautTest(transactional = false)
class ReviewTest extends OpenCfpTest {

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
