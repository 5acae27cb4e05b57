package dev.podium.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PodiumProblemTest {

    @Test
    void eachKindHasAStableTypeAndStatus() {
        assertThat(new NotFound("event", "e1").getType()).hasToString("https://podium.dev/problems/not-found");
        assertThat(new NotFound("event", "e1").getStatus().getStatusCode()).isEqualTo(404);
        assertThat(new NotFound("event", "e1").getParameters()).containsEntry("resource", "event");
        assertThat(new Conflict("already-published", "Already published", "d").getStatus().getStatusCode()).isEqualTo(409);
        assertThat(new RuleViolation("slot-overlap", "Slots overlap", "d").getType())
                .hasToString("https://podium.dev/problems/slot-overlap");
        assertThat(new RuleViolation("slot-overlap", "Slots overlap", "d").getStatus().getStatusCode()).isEqualTo(422);
        assertThat(new BadRequest("unknown-time-zone", "Unknown time zone", "d").getStatus().getStatusCode()).isEqualTo(400);
    }

    @Test
    void pagesDefaultToTheFirstPageOfTwenty() {
        PageQuery query = new PageQuery(null, null);
        assertThat(query.pageOrFirst()).isZero();
        assertThat(query.sizeOrDefault()).isEqualTo(20);
        assertThat(new PageQuery(3, 10).offset()).isEqualTo(30);
    }
}
