package dev.podium.talks.submission;

import dev.podium.api.Conflict;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A talk submission as stored, with its lifecycle rules: SUBMITTED, then ACCEPTED or REJECTED when
 * the organisers' staged decision is released, CONFIRMED by the speaker after acceptance; WITHDRAWN
 * by the speaker before the event. Edits are allowed until a decision. Every change returns the
 * submission it makes, which {@link SubmissionRepository#update} stores.
 *
 * @param speakersText   the speakers' names and affiliations, as the archive searches them
 * @param revision       0 as submitted, incremented by each edit
 * @param stagedDecision the organisers' decision: staged (speakers see nothing) until {@code releasedAt}
 * @param decidedBy      who decided, as other organisers see it (an email)
 * @param decidedBySub   who decided
 */
@MappedEntity("submission")
public record Submission(
        @Id String id,
        @Nullable String eventId,
        @Nullable String groupId,
        String title,
        String abstractText,
        String speakersText,
        TalkFormat format,
        int durationMinutes,
        @Nullable String language,
        @Nullable String level,
        @Nullable String notes,
        SubmissionStatus status,
        int revision,
        @Nullable Outcome stagedDecision,
        @Nullable String decisionReason,
        @Nullable String decidedBy,
        @Nullable String decidedBySub,
        @Nullable Instant decidedAt,
        @Nullable Instant releasedAt,
        Instant submittedAt,
        Instant updatedAt,
        @Nullable Instant confirmedAt,
        @Nullable Instant withdrawnAt) {

    /** A new submission, as the speaker sent it: revision 0. */
    static Submission submitted(String id, @Nullable String eventId, @Nullable String groupId, TalkContent content,
                                String speakersText, Instant now) {
        return new Submission(id, eventId, groupId, content.title(), content.abstractText(), speakersText, content.format(),
                content.durationMinutes(), content.language(), content.level(), content.notes(), SubmissionStatus.SUBMITTED, 0,
                null, null, null, null, null, null, now, now, null, null);
    }

    public TalkContent content() {
        return new TalkContent(title, abstractText, format, durationMinutes, language, level, notes);
    }

    /** The speaker edits the content, until a decision: the next revision. */
    Submission edited(TalkContent content, Instant now) {
        requireNotWithdrawn();
        if (status != SubmissionStatus.SUBMITTED || stagedDecision != null) {
            throw new Conflict("submission-decided", "Decision made",
                    "The organisers have decided on submission " + id + ": it can no longer be edited");
        }
        return new Submission(id, eventId, groupId, content.title(), content.abstractText(), speakersText, content.format(),
                content.durationMinutes(), content.language(), content.level(), content.notes(), status, revision + 1,
                stagedDecision, decisionReason, decidedBy, decidedBySub, decidedAt, releasedAt, submittedAt, now,
                confirmedAt, withdrawnAt);
    }

    /**
     * The speaker withdraws, before the event starts ({@code eventStartsAt} null when not known). A
     * decision not released yet goes with it.
     */
    Submission withdrawn(Instant now, @Nullable Instant eventStartsAt) {
        requireNotWithdrawn();
        if (status == SubmissionStatus.REJECTED) {
            throw new Conflict("submission-rejected", "Submission rejected", "Submission " + id + " was rejected: there is nothing to withdraw");
        }
        if (eventStartsAt != null && !now.isBefore(eventStartsAt)) {
            throw new Conflict("event-started", "Event started", "The event of submission " + id + " has started: it can no longer be withdrawn");
        }
        boolean released = releasedAt != null;
        return new Submission(id, eventId, groupId, title, abstractText, speakersText, format, durationMinutes, language, level,
                notes, SubmissionStatus.WITHDRAWN, revision, released ? stagedDecision : null,
                released ? decisionReason : null, released ? decidedBy : null, released ? decidedBySub : null,
                released ? decidedAt : null, releasedAt, submittedAt, now, confirmedAt, now);
    }

    /** The speaker confirms an accepted talk. */
    Submission confirmed(Instant now) {
        requireNotWithdrawn();
        if (status == SubmissionStatus.CONFIRMED) {
            throw new Conflict("already-confirmed", "Already confirmed", "Submission " + id + " is already confirmed");
        }
        if (status != SubmissionStatus.ACCEPTED) {
            throw notAccepted();
        }
        return new Submission(id, eventId, groupId, title, abstractText, speakersText, format, durationMinutes, language, level,
                notes, SubmissionStatus.CONFIRMED, revision, stagedDecision, decisionReason, decidedBy, decidedBySub, decidedAt,
                releasedAt, submittedAt, now, now, withdrawnAt);
    }

    /**
     * Organisers decide; nobody else learns of it until {@link #released(Instant)}. A staged decision may be changed.
     *
     * @param organiser    who decided, as other organisers see it (an email)
     * @param organiserSub who decided
     */
    public Submission decided(Outcome outcome, @Nullable String reason, String organiser, String organiserSub, Instant now) {
        requireNotWithdrawn();
        if (releasedAt != null) {
            throw new Conflict("decision-released", "Decision already released",
                    "The decision on submission " + id + " was released on " + releasedAt + ": it is final");
        }
        return new Submission(id, eventId, groupId, title, abstractText, speakersText, format, durationMinutes, language, level,
                notes, status, revision, outcome, reason, organiser, organiserSub, now, releasedAt, submittedAt, now,
                confirmedAt, withdrawnAt);
    }

    public boolean hasUnreleasedDecision() {
        return stagedDecision != null && releasedAt == null && status == SubmissionStatus.SUBMITTED;
    }

    /** The staged decision made visible: the status becomes ACCEPTED or REJECTED. */
    public Submission released(Instant now) {
        if (!hasUnreleasedDecision()) {
            throw new IllegalStateException("Submission " + id + " has no decision to release");
        }
        return new Submission(id, eventId, groupId, title, abstractText, speakersText, format, durationMinutes, language, level,
                notes, stagedDecision.status(), revision, stagedDecision, decisionReason, decidedBy, decidedBySub, decidedAt,
                now, submittedAt, now, confirmedAt, withdrawnAt);
    }

    /** The speakers changed (a co-speaker joined): what the archive searches follows. */
    Submission withSpeakersText(String speakersText, Instant now) {
        return new Submission(id, eventId, groupId, title, abstractText, speakersText, format, durationMinutes, language, level,
                notes, status, revision, stagedDecision, decisionReason, decidedBy, decidedBySub, decidedAt, releasedAt,
                submittedAt, now, confirmedAt, withdrawnAt);
    }

    /** Materials are for accepted talks. */
    public void requireAccepted() {
        requireNotWithdrawn();
        if (!status.isPublic()) {
            throw notAccepted();
        }
    }

    /** Speakers can still join a talk that is neither withdrawn nor rejected. */
    public void requireOpenToSpeakers() {
        requireNotWithdrawn();
        if (status == SubmissionStatus.REJECTED) {
            throw new Conflict("submission-rejected", "Submission rejected", "Submission " + id + " was rejected");
        }
    }

    public void requireNotWithdrawn() {
        if (status == SubmissionStatus.WITHDRAWN) {
            throw new Conflict("submission-withdrawn", "Submission withdrawn", "Submission " + id + " was withdrawn");
        }
    }

    private Conflict notAccepted() {
        return new Conflict("not-accepted", "Not accepted", "Submission " + id + " has not been accepted (status " + status + ")");
    }
}
