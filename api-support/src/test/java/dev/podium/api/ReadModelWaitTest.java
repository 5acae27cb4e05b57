package dev.podium.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadModelWaitTest {

    static final ReadModelWait.Fact EVENT = new ReadModelWait.Fact("event", "e1", "events-service", "created");

    @Test
    void answersAsSoonAsTheReadModelKnowsIt() {
        AtomicInteger looks = new AtomicInteger();
        String found = new ReadModelWait("talks-service", Duration.ofSeconds(30))
                .await(EVENT, () -> looks.incrementAndGet() < 3 ? Optional.empty() : Optional.of("the event"));
        assertThat(found).isEqualTo("the event");
        assertThat(looks).hasValue(3);
    }

    @Test
    void givesUpWith409NotYetKnownSayingWhoHasNotHeardOfWhatAndToRetry() {
        AtomicInteger looks = new AtomicInteger();
        ReadModelWait wait = new ReadModelWait("talks-service", Duration.ofMillis(300));
        assertThatThrownBy(() -> wait.await(EVENT, () -> {
            looks.incrementAndGet();
            return Optional.empty();
        })).isInstanceOfSatisfying(NotYetKnown.class, problem -> {
            assertThat(problem.getType()).hasToString("https://podium.dev/problems/not-yet-known");
            assertThat(problem.getStatus().getStatusCode()).isEqualTo(409);
            assertThat(problem.getDetail()).isEqualTo("talks-service has not heard of event e1 from events-service yet."
                    + " If it was created a moment ago, retry in 1 s; if retrying does not help, check the event id:"
                    + " one that never existed looks the same from here.");
            assertThat(problem.getParameters()).containsEntry("resource", "event").containsEntry("id", "e1")
                    .containsEntry("source", "events-service");
            assertThat(problem.retryAfterSeconds()).isEqualTo(1);
        });
        assertThat(looks.get()).as("looked more than once, not in a busy loop").isBetween(2, 20);
    }

    @Test
    void withoutAWaitLooksOnce() {
        AtomicInteger looks = new AtomicInteger();
        ReadModelWait wait = new ReadModelWait("talks-service", Duration.ZERO);
        assertThatThrownBy(() -> wait.await(EVENT, () -> {
            looks.incrementAndGet();
            return Optional.empty();
        })).isInstanceOf(NotYetKnown.class);
        assertThat(looks).hasValue(1);
        assertThat(wait.retryAfterSeconds()).isEqualTo(1);
        assertThatThrownBy(() -> wait.require(EVENT, Optional.empty())).isInstanceOf(NotYetKnown.class);
    }

    @Test
    void retryAfterIsTheWaitInWholeSeconds() {
        assertThat(new ReadModelWait("s", Duration.ofSeconds(2)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new ReadModelWait("s", Duration.ofMillis(2_100)).retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void awaitingSeveralNamesOneStillMissing() {
        AtomicInteger looks = new AtomicInteger();
        ReadModelWait wait = new ReadModelWait("events-service", Duration.ofSeconds(30));
        wait.awaitAll(() -> looks.incrementAndGet() < 3 ? List.of("t2") : List.of(),
                id -> new ReadModelWait.Fact("talk", id, "talks-service", "accepted"));
        assertThat(looks).hasValue(3);

        assertThatThrownBy(() -> new ReadModelWait("events-service", Duration.ofMillis(50))
                .awaitAll(() -> List.of("t2", "t3"), id -> new ReadModelWait.Fact("talk", id, "talks-service", "accepted")))
                .isInstanceOfSatisfying(NotYetKnown.class, problem -> assertThat(problem.getParameters()).containsEntry("id", "t2"));
    }
}
