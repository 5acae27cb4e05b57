package dev.podium.talks.invitation;

import dev.podium.api.Conflict;
import dev.podium.api.NotFound;
import dev.podium.api.RuleViolation;
import dev.podium.contracts.talks.CoSpeakerInvited;
import dev.podium.contracts.talks.TalkUpdated;
import dev.podium.messaging.outbox.Outbox;
import dev.podium.security.Caller;
import dev.podium.security.quota.DailyQuotas;
import dev.podium.security.quota.OverQuota;
import dev.podium.talks.speaker.Speaker;
import dev.podium.talks.speaker.SpeakerAccess;
import dev.podium.talks.speaker.SpeakerRepository;
import dev.podium.talks.speaker.SpeakerService;
import dev.podium.talks.submission.Submission;
import dev.podium.talks.submission.SubmissionAccess;
import dev.podium.talks.submission.SubmissionAccess.Standing;
import dev.podium.talks.submission.SubmissionView;
import dev.podium.talks.submission.Submissions;
import dev.podium.talks.submission.TalkSpeaker;
import dev.podium.security.Forbidden;
import dev.podium.talks.support.Ids;
import dev.podium.talks.support.TalksProblem;
import dev.podium.talks.support.Times;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Co-speakers: the primary speaker invites by email (CoSpeakerInvited, mailed by
 * notifications-service with a signed link); the invitee, signed in, accepts with the token and
 * appears on the talk with their own speaker profile. The token is what entitles them: whoever holds
 * a genuine, unexpired one may accept it, once.
 */
@Singleton
public class InvitationService {

    private final InvitationRepository invitations;
    private final InvitationTokens tokens;
    private final Submissions submissions;
    private final SpeakerRepository speakers;
    private final SpeakerService profiles;
    private final SpeakerAccess speakerAccess;
    private final SubmissionAccess access;
    private final Outbox outbox;
    private final DailyQuotas quotas;
    private final InvitationLimits limits;
    private final Clock clock;
    private final Duration ttl;
    private final String publicBaseUrl;

    InvitationService(InvitationRepository invitations, InvitationTokens tokens, Submissions submissions,
                      SpeakerRepository speakers, SpeakerService profiles, SpeakerAccess speakerAccess, SubmissionAccess access,
                      Outbox outbox, DailyQuotas quotas, InvitationLimits limits, Clock clock,
                      @Value("${podium.talks.invitation-ttl:14d}") Duration ttl,
                      @Value("${podium.talks.public-base-url}") String publicBaseUrl) {
        this.invitations = invitations;
        this.tokens = tokens;
        this.submissions = submissions;
        this.speakers = speakers;
        this.profiles = profiles;
        this.speakerAccess = speakerAccess;
        this.access = access;
        this.outbox = outbox;
        this.quotas = quotas;
        this.limits = limits;
        this.clock = clock;
        this.ttl = ttl;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /**
     * Within the quotas: the submission's invitations are counted under its lock, the inviter's of the
     * day in {@link DailyQuotas}, both in this transaction, so an invitation that fails counts for nothing.
     */
    @Transactional
    public InvitationView invite(String submissionId, InvitationRequest request, Caller caller) {
        Submission submission = submissions.lock(submissionId);
        access.requireOwner(submissionId, submission.groupId(), caller);
        submission.requireOpenToSpeakers();
        String email = request.email().strip();
        if (submissions.hasSpeakerWithEmail(submissionId, email)) {
            throw alreadyASpeaker(email, submissionId);
        }
        if (invitations.countBySubmissionId(submissionId) >= limits.perSubmission()) {
            throw new OverQuota(InvitationLimits.PER_SUBMISSION, "per submission", limits.perSubmission(), 1);
        }
        quotas.consume(InvitationLimits.PER_SPEAKER, caller.sub(), 1, limits.perSpeakerPerDay());
        List<TalkSpeaker> current = submissions.speakers(submissionId);
        TalkSpeaker primary = current.stream().filter(s -> TalkSpeaker.PRIMARY.equals(s.role())).findFirst()
                .orElse(current.get(0));
        Instant now = Times.now(clock);
        Instant expiresAt = now.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        Invitation invitation = invitations.save(new Invitation(Ids.newId(), submissionId, email, primary.id(),
                Invitation.PENDING, expiresAt, now, null, null));
        String acceptUrl = publicBaseUrl + "/invitations/" + tokens.issue(invitation.id(), expiresAt) + "/accept";
        outbox.append(new CoSpeakerInvited(submissions.snapshot(submission), email, primary.name(), acceptUrl, expiresAt));
        return InvitationView.of(invitation);
    }

    /** For the primary speaker, the group's organisers and admin (the list holds the invitees' emails). */
    @Transactional(readOnly = true)
    public List<InvitationView> of(String submissionId, Caller caller) {
        Submission submission = submissions.find(submissionId);
        Standing standing = access.requireReader(submissionId, submission.groupId(), caller);
        if (!standing.owns() && !standing.organises()) {
            throw new Forbidden();
        }
        return invitations.findBySubmissionIdOrderByCreatedAt(submissionId).stream().map(InvitationView::of).toList();
    }

    @Transactional
    public SubmissionView accept(String token, @Nullable String speakerId, Caller caller) {
        Instant now = Times.now(clock);
        String invitationId = tokens.verify(token, now);
        Invitation invitation = invitations.findByIdForUpdate(invitationId)
                .orElseThrow(() -> new NotFound("invitation", invitationId));
        if (Invitation.ACCEPTED.equals(invitation.status())) {
            throw new Conflict("invitation-already-accepted", "Invitation already accepted",
                    "This invitation was accepted at " + invitation.acceptedAt());
        }
        if (!now.isBefore(invitation.expiresAt())) {
            throw InvitationTokens.expired(invitation.expiresAt());
        }
        Submission submission = submissions.lock(invitation.submissionId());
        submission.requireOpenToSpeakers();
        Speaker speaker = speaker(caller, speakerId);
        if (submissions.hasSpeaker(submission.id(), speaker.id())) {
            throw alreadyASpeaker(speaker.name(), submission.id());
        }
        Submission joined = submissions.addCoSpeaker(submission, speaker.id(), now);
        invitations.update(invitation.accepted(speaker.id(), now));
        outbox.append(new TalkUpdated(submissions.snapshot(joined), joined.revision(), now));
        return submissions.view(joined, access.standing(joined.id(), joined.groupId(), caller));
    }

    /** The caller's own profile, or the one they name, which must be theirs (403), unless they are admin. */
    private Speaker speaker(Caller caller, @Nullable String speakerId) {
        if (speakerId == null || speakerId.isBlank()) {
            return profiles.profileOf(caller).orElseThrow(InvitationService::profileRequired);
        }
        Speaker speaker = speakers.findById(speakerId).orElseThrow(() -> TalksProblem.unknown("speaker", speakerId));
        speakerAccess.requireActsFor(speaker, caller);
        return speaker;
    }

    private static RuleViolation profileRequired() {
        return new RuleViolation("speaker-profile-required", "Speaker profile required",
                "You have no speaker profile yet: create one with POST /speakers, then accept again");
    }

    private static Conflict alreadyASpeaker(String who, String submissionId) {
        return new Conflict("already-a-speaker", "Already a speaker", who + " already speaks in submission " + submissionId);
    }
}
