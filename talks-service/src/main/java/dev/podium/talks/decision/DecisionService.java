package dev.podium.talks.decision;

import dev.podium.contracts.talks.TalkAccepted;
import dev.podium.contracts.talks.TalkRejected;
import dev.podium.messaging.outbox.Outbox;
import dev.podium.security.Caller;
import dev.podium.talks.catalog.OrganiserAccess;
import dev.podium.talks.cfp.Target;
import dev.podium.talks.cfp.Targets;
import dev.podium.talks.review.OrganiserSubmissionView;
import dev.podium.talks.review.ReviewBoardService;
import dev.podium.talks.submission.Outcome;
import dev.podium.talks.submission.Submission;
import dev.podium.talks.submission.SubmissionAccess;
import dev.podium.talks.submission.Submissions;
import dev.podium.talks.support.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Staged decisions (as pretalx does): accepting or rejecting records who decided, why and when, but
 * speakers hear nothing until the organisers release the decisions of an event (or open call)
 * together, which publishes one TalkAccepted or TalkRejected per decision, once. Only the organisers
 * of the submission's group, and admin, decide and release.
 */
@Singleton
public class DecisionService {

    private final Submissions submissions;
    private final ReviewBoardService board;
    private final Targets targets;
    private final SubmissionAccess submissionAccess;
    private final OrganiserAccess organiserAccess;
    private final Outbox outbox;
    private final Clock clock;

    DecisionService(Submissions submissions, ReviewBoardService board, Targets targets,
                    SubmissionAccess submissionAccess, OrganiserAccess organiserAccess, Outbox outbox, Clock clock) {
        this.submissions = submissions;
        this.board = board;
        this.targets = targets;
        this.submissionAccess = submissionAccess;
        this.organiserAccess = organiserAccess;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public OrganiserSubmissionView decide(String submissionId, Outcome outcome, @Nullable String reason, Caller organiser) {
        Submission submission = submissions.lock(submissionId);
        submissionAccess.requireOrganiser(submissionId, submission.groupId(), organiser);
        submissions.update(submission.decided(outcome, reason == null || reason.isBlank() ? null : reason,
                OrganiserAccess.label(organiser), organiser.sub(), Times.now(clock)));
        return board.one(submissionId);
    }

    @Transactional
    public ReleaseView releaseEvent(String eventId, Caller caller) {
        Target target = targets.event(eventId);
        organiserAccess.requireOrganiserOf(target.groupId(), caller);
        return release(target, submissions.lockUnreleasedOfEvent(eventId));
    }

    @Transactional
    public ReleaseView releaseOpenCall(String slug, Caller caller) {
        Target target = targets.group(slug);
        organiserAccess.requireOrganiserOf(target.groupId(), caller);
        return release(target, submissions.lockUnreleasedOfOpenCall(target.groupId()));
    }

    private ReleaseView release(Target target, List<Submission> staged) {
        Instant now = Times.now(clock);
        List<ReleaseView.Released> released = new ArrayList<>();
        int accepted = 0;
        for (Submission decided : staged) {
            Submission submission = submissions.update(decided.released(now));
            if (submission.stagedDecision() == Outcome.ACCEPTED) {
                outbox.append(new TalkAccepted(submissions.snapshot(submission), submission.decisionReason(), submission.decidedAt()));
                accepted++;
            } else {
                outbox.append(new TalkRejected(submissions.snapshot(submission), submission.decisionReason(), submission.decidedAt()));
            }
            released.add(new ReleaseView.Released(submission.id(), submission.stagedDecision().name()));
        }
        return new ReleaseView(target.isEvent() ? target.id() : null, target.groupSlug(), accepted,
                released.size() - accepted, released, now);
    }
}
