package dev.podium.talks.submission;

import dev.podium.api.Conflict;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A talk submission as stored, with its lifecycle rules: SUBMITTED, then ACCEPTED or REJECTED when
 * the organisers' staged decision is released, CONFIRMED by the speaker after acceptance; WITHDRAWN
 * by the speaker before the event. Edits are allowed until a decision.
 */
@MappedEntity("submission")
public class Submission {

    @Id
    private String id;
    @Nullable
    private String eventId;
    @Nullable
    private String groupId;
    private String title;
    private String abstractText;
    private String speakersText;
    private TalkFormat format;
    private int durationMinutes;
    @Nullable
    private String language;
    @Nullable
    private String level;
    @Nullable
    private String notes;
    private SubmissionStatus status;
    private int revision;
    @Nullable
    private Outcome stagedDecision;
    @Nullable
    private String decisionReason;
    @Nullable
    private String decidedBy;
    @Nullable
    private String decidedBySub;
    @Nullable
    private Instant decidedAt;
    @Nullable
    private Instant releasedAt;
    private Instant submittedAt;
    private Instant updatedAt;
    @Nullable
    private Instant confirmedAt;
    @Nullable
    private Instant withdrawnAt;

    /** A new submission, as the speaker sent it. */
    public static Submission submitted(String id, @Nullable String eventId, @Nullable String groupId, TalkContent content,
                                       String speakersText, Instant now) {
        Submission submission = new Submission();
        submission.id = id;
        submission.eventId = eventId;
        submission.groupId = groupId;
        submission.apply(content);
        submission.speakersText = speakersText;
        submission.status = SubmissionStatus.SUBMITTED;
        submission.revision = 0;
        submission.submittedAt = now;
        submission.updatedAt = now;
        return submission;
    }

    public TalkContent content() {
        return new TalkContent(title, abstractText, format, durationMinutes, language, level, notes);
    }

    /** The speaker edits the content: allowed until a decision. Returns the new revision number. */
    public int edit(TalkContent content, Instant now) {
        requireNotWithdrawn();
        if (status != SubmissionStatus.SUBMITTED || stagedDecision != null) {
            throw new Conflict("submission-decided", "Decision made",
                    "The organisers have decided on submission " + id + ": it can no longer be edited");
        }
        apply(content);
        revision++;
        updatedAt = now;
        return revision;
    }

    /** The speaker withdraws, before the event starts ({@code eventStartsAt} null when not known). */
    public void withdraw(Instant now, @Nullable Instant eventStartsAt) {
        requireNotWithdrawn();
        if (status == SubmissionStatus.REJECTED) {
            throw new Conflict("submission-rejected", "Submission rejected", "Submission " + id + " was rejected: there is nothing to withdraw");
        }
        if (eventStartsAt != null && !now.isBefore(eventStartsAt)) {
            throw new Conflict("event-started", "Event started", "The event of submission " + id + " has started: it can no longer be withdrawn");
        }
        if (releasedAt == null) {
            clearStagedDecision();
        }
        status = SubmissionStatus.WITHDRAWN;
        withdrawnAt = now;
        updatedAt = now;
    }

    /** The speaker confirms an accepted talk. */
    public void confirm(Instant now) {
        requireNotWithdrawn();
        if (status == SubmissionStatus.CONFIRMED) {
            throw new Conflict("already-confirmed", "Already confirmed", "Submission " + id + " is already confirmed");
        }
        if (status != SubmissionStatus.ACCEPTED) {
            throw notAccepted();
        }
        status = SubmissionStatus.CONFIRMED;
        confirmedAt = now;
        updatedAt = now;
    }

    /**
     * Organisers decide; nobody else learns of it until {@link #release(Instant)}. A staged decision may be changed.
     *
     * @param organiser    who decided, as other organisers see it (an email)
     * @param organiserSub who decided
     */
    public void stage(Outcome outcome, @Nullable String reason, String organiser, String organiserSub, Instant now) {
        requireNotWithdrawn();
        if (releasedAt != null) {
            throw new Conflict("decision-released", "Decision already released",
                    "The decision on submission " + id + " was released on " + releasedAt + ": it is final");
        }
        stagedDecision = outcome;
        decisionReason = reason;
        decidedBy = organiser;
        decidedBySub = organiserSub;
        decidedAt = now;
        updatedAt = now;
    }

    public boolean hasUnreleasedDecision() {
        return stagedDecision != null && releasedAt == null && status == SubmissionStatus.SUBMITTED;
    }

    /** Makes the staged decision visible: the status becomes ACCEPTED or REJECTED. */
    public void release(Instant now) {
        if (!hasUnreleasedDecision()) {
            throw new IllegalStateException("Submission " + id + " has no decision to release");
        }
        status = stagedDecision.status();
        releasedAt = now;
        updatedAt = now;
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

    public void speakersChanged(String speakersText, Instant now) {
        this.speakersText = speakersText;
        this.updatedAt = now;
    }

    private Conflict notAccepted() {
        return new Conflict("not-accepted", "Not accepted", "Submission " + id + " has not been accepted (status " + status + ")");
    }

    private void clearStagedDecision() {
        stagedDecision = null;
        decisionReason = null;
        decidedBy = null;
        decidedBySub = null;
        decidedAt = null;
    }

    private void apply(TalkContent content) {
        title = content.title();
        abstractText = content.abstractText();
        format = content.format();
        durationMinutes = content.durationMinutes();
        language = content.language();
        level = content.level();
        notes = content.notes();
    }

    // Accessors for Micronaut Data.

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public @Nullable String getEventId() { return eventId; }
    public void setEventId(@Nullable String eventId) { this.eventId = eventId; }
    public @Nullable String getGroupId() { return groupId; }
    public void setGroupId(@Nullable String groupId) { this.groupId = groupId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getAbstractText() { return abstractText; }
    public void setAbstractText(String abstractText) { this.abstractText = abstractText; }
    public String getSpeakersText() { return speakersText; }
    public void setSpeakersText(String speakersText) { this.speakersText = speakersText; }
    public TalkFormat getFormat() { return format; }
    public void setFormat(TalkFormat format) { this.format = format; }
    public int getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(int durationMinutes) { this.durationMinutes = durationMinutes; }
    public @Nullable String getLanguage() { return language; }
    public void setLanguage(@Nullable String language) { this.language = language; }
    public @Nullable String getLevel() { return level; }
    public void setLevel(@Nullable String level) { this.level = level; }
    public @Nullable String getNotes() { return notes; }
    public void setNotes(@Nullable String notes) { this.notes = notes; }
    public SubmissionStatus getStatus() { return status; }
    public void setStatus(SubmissionStatus status) { this.status = status; }
    public int getRevision() { return revision; }
    public void setRevision(int revision) { this.revision = revision; }
    public @Nullable Outcome getStagedDecision() { return stagedDecision; }
    public void setStagedDecision(@Nullable Outcome stagedDecision) { this.stagedDecision = stagedDecision; }
    public @Nullable String getDecisionReason() { return decisionReason; }
    public void setDecisionReason(@Nullable String decisionReason) { this.decisionReason = decisionReason; }
    public @Nullable String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(@Nullable String decidedBy) { this.decidedBy = decidedBy; }
    public @Nullable String getDecidedBySub() { return decidedBySub; }
    public void setDecidedBySub(@Nullable String decidedBySub) { this.decidedBySub = decidedBySub; }
    public @Nullable Instant getDecidedAt() { return decidedAt; }
    public void setDecidedAt(@Nullable Instant decidedAt) { this.decidedAt = decidedAt; }
    public @Nullable Instant getReleasedAt() { return releasedAt; }
    public void setReleasedAt(@Nullable Instant releasedAt) { this.releasedAt = releasedAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(Instant submittedAt) { this.submittedAt = submittedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public @Nullable Instant getConfirmedAt() { return confirmedAt; }
    public void setConfirmedAt(@Nullable Instant confirmedAt) { this.confirmedAt = confirmedAt; }
    public @Nullable Instant getWithdrawnAt() { return withdrawnAt; }
    public void setWithdrawnAt(@Nullable Instant withdrawnAt) { this.withdrawnAt = withdrawnAt; }
}
