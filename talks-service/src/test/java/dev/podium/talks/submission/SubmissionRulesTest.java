package dev.podium.talks.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podium.api.PodiumProblem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lifecycle rules of a submission, without a server. */
class SubmissionRulesTest {

    static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    static final Instant EVENT = Instant.parse("2026-03-07T18:00:00Z");

    private static Submission submitted() {
        return Submission.submitted("s1", "e1", "g1",
                new TalkContent("Generalization in Deep networks", "Abstract", TalkFormat.TALK, 30, "en", null, null), "Olivier Grisel", T0);
    }

    private static String kind(Throwable problem) {
        return ((PodiumProblem) problem).getType().toString().replace(PodiumProblem.TYPE_BASE, "");
    }

    @Test
    void durationsDependOnTheFormat() {
        assertThatCode(() -> TalkFormat.LIGHTNING.requireDuration(1)).doesNotThrowAnyException();
        assertThatCode(() -> TalkFormat.LIGHTNING.requireDuration(15)).doesNotThrowAnyException();
        assertThatThrownBy(() -> TalkFormat.LIGHTNING.requireDuration(16)).satisfies(e -> assertThat(kind(e)).isEqualTo("duration-out-of-range"));
        assertThatThrownBy(() -> TalkFormat.TALK.requireDuration(4)).satisfies(e -> assertThat(kind(e)).isEqualTo("duration-out-of-range"));
        assertThatCode(() -> TalkFormat.WORKSHOP.requireDuration(480)).doesNotThrowAnyException();
        assertThatThrownBy(() -> TalkFormat.KEYNOTE.requireDuration(121)).hasMessageContaining("15 to 120 minutes");
    }

    @Test
    void editsAreAllowedUntilADecisionAndCountRevisions() {
        Submission submission = submitted();
        TalkContent edited = new TalkContent("New title", "Abstract", TalkFormat.TALK, 40, "en", null, null);
        Submission once = submission.edited(edited, T0.plusSeconds(1));
        assertThat(once.revision()).isEqualTo(1);
        Submission twice = once.edited(edited, T0.plusSeconds(2));
        assertThat(twice.revision()).isEqualTo(2);
        assertThat(twice.content()).isEqualTo(edited);
        assertThat(twice.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(submission.revision()).as("a change makes a new submission; the old one stays as it was").isZero();
        assertThat(submission.content().title()).isEqualTo("Generalization in Deep networks");

        Submission decided = twice.decided(Outcome.REJECTED, "Off topic", "alice@example.org", "alice-sub", T0.plusSeconds(3));
        assertThatThrownBy(() -> decided.edited(edited, T0.plusSeconds(4))).satisfies(e -> assertThat(kind(e)).isEqualTo("submission-decided"));
    }

    @Test
    void aStagedDecisionIsInvisibleUntilReleasedThenFinal() {
        Submission submission = submitted()
                .decided(Outcome.REJECTED, "Off topic", "alice@example.org", "alice-sub", T0)
                .decided(Outcome.ACCEPTED, "On second thoughts", "bob@example.org", "bob-sub", T0.plusSeconds(60));
        assertThat(submission.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(submission.hasUnreleasedDecision()).isTrue();

        Submission released = submission.released(T0.plusSeconds(120));
        assertThat(released.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(released.decidedBy()).isEqualTo("bob@example.org");
        assertThat(released.decidedBySub()).isEqualTo("bob-sub");
        assertThat(released.hasUnreleasedDecision()).isFalse();
        assertThatThrownBy(() -> released.released(T0.plusSeconds(180))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> released.decided(Outcome.REJECTED, "No", "carol@example.org", "carol-sub", T0.plusSeconds(240)))
                .satisfies(e -> assertThat(kind(e)).isEqualTo("decision-released"));

        Submission confirmed = released.confirmed(T0.plusSeconds(300));
        assertThat(confirmed.status()).isEqualTo(SubmissionStatus.CONFIRMED);
        assertThatThrownBy(() -> confirmed.confirmed(T0.plusSeconds(360))).satisfies(e -> assertThat(kind(e)).isEqualTo("already-confirmed"));
    }

    @Test
    void withdrawingBeforeTheEventDropsAStagedDecision() {
        Submission submission = submitted().decided(Outcome.ACCEPTED, null, "alice@example.org", "alice-sub", T0)
                .withdrawn(T0.plusSeconds(60), EVENT);
        assertThat(submission.status()).isEqualTo(SubmissionStatus.WITHDRAWN);
        assertThat(submission.stagedDecision()).isNull();
        assertThat(submission.decidedBySub()).isNull();
        assertThat(submission.hasUnreleasedDecision()).isFalse();
        assertThatThrownBy(() -> submission.decided(Outcome.ACCEPTED, null, "alice@example.org", "alice-sub", T0))
                .satisfies(e -> assertThat(kind(e)).isEqualTo("submission-withdrawn"));

        Submission late = submitted();
        assertThatThrownBy(() -> late.withdrawn(EVENT, EVENT)).satisfies(e -> assertThat(kind(e)).isEqualTo("event-started"));
        assertThatCode(() -> late.withdrawn(EVENT.minusNanos(1000), EVENT)).doesNotThrowAnyException();

        Submission rejected = submitted().decided(Outcome.REJECTED, "No", "alice@example.org", "alice-sub", T0).released(T0);
        assertThatThrownBy(() -> rejected.withdrawn(T0, EVENT)).satisfies(e -> assertThat(kind(e)).isEqualTo("submission-rejected"));
        assertThatThrownBy(() -> rejected.confirmed(T0)).satisfies(e -> assertThat(kind(e)).isEqualTo("not-accepted"));
        assertThatThrownBy(rejected::requireAccepted).satisfies(e -> assertThat(kind(e)).isEqualTo("not-accepted"));
    }
}
