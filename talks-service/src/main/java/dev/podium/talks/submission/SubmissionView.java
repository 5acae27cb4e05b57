package dev.podium.talks.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.podium.talks.submission.SubmissionAccess.Standing;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A submission as its speakers see it: a decision appears only once released, with its outcome and
 * reason; reviews (scores, comments) and who decided never appear.
 *
 * @param status   SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN or CONFIRMED
 * @param revision 0 as submitted, incremented by each edit
 */
@Serdeable
public record SubmissionView(
        String id,
        String status,
        @Nullable String eventId,
        @Nullable String groupId,
        String title,
        @JsonProperty("abstract") String abstractText,
        String format,
        int durationMinutes,
        @Nullable String language,
        @Nullable String level,
        List<String> tags,
        @Nullable String notes,
        List<TalkSpeaker> speakers,
        int revision,
        Instant submittedAt,
        Instant updatedAt,
        @Nullable ReleasedDecision decision,
        @Nullable Instant confirmedAt,
        @Nullable Instant withdrawnAt) {

    /** The organisers' decision, once released. */
    @Serdeable
    public record ReleasedDecision(String outcome, @Nullable String reason, Instant decidedAt, Instant releasedAt) {
    }

    /** This view without the speakers' emails the caller may not see. */
    public SubmissionView shownTo(Standing standing) {
        List<TalkSpeaker> visible = speakers.stream()
                .map(speaker -> standing.seesEmailOf(speaker.id()) ? speaker : speaker.withoutEmail()).toList();
        return new SubmissionView(id, status, eventId, groupId, title, abstractText, format, durationMinutes, language, level,
                tags, notes, visible, revision, submittedAt, updatedAt, decision, confirmedAt, withdrawnAt);
    }

    static SubmissionView of(Submission submission, List<TalkSpeaker> speakers, List<String> tags) {
        ReleasedDecision decision = submission.releasedAt() == null ? null
                : new ReleasedDecision(submission.stagedDecision().name(), submission.decisionReason(),
                submission.decidedAt(), submission.releasedAt());
        return new SubmissionView(submission.id(), submission.status().name(), submission.eventId(),
                submission.groupId(), submission.title(), submission.abstractText(), submission.format().name(),
                submission.durationMinutes(), submission.language(), submission.level(), tags, submission.notes(),
                speakers, submission.revision(), submission.submittedAt(), submission.updatedAt(), decision,
                submission.confirmedAt(), submission.withdrawnAt());
    }
}
