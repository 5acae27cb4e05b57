package dev.podium.talks.submission;

import dev.podium.api.NotFound;
import dev.podium.contracts.talks.TalkSnapshot;
import dev.podium.talks.submission.SubmissionAccess.Standing;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * The submissions, as the other features (reviews, decisions, invitations, materials) use them:
 * found or locked (404 for an unknown id), stored after a change, their speakers and tags, the view
 * speakers get and the snapshot every message carries. The repository stays inside this feature.
 */
@Singleton
public class Submissions {

    private final SubmissionRepository submissions;
    private final SubmissionSpeakers speakers;
    private final SubmissionTags tags;

    Submissions(SubmissionRepository submissions, SubmissionSpeakers speakers, SubmissionTags tags) {
        this.submissions = submissions;
        this.speakers = speakers;
        this.tags = tags;
    }

    public Submission find(String id) {
        return submissions.findById(id).orElseThrow(() -> new NotFound("submission", id));
    }

    /** The submission, locked until the end of the transaction (SELECT … FOR UPDATE). */
    public Submission lock(String id) {
        return submissions.findByIdForUpdate(id).orElseThrow(() -> new NotFound("submission", id));
    }

    /** Stores a changed submission; the one stored. */
    public Submission update(Submission submission) {
        return submissions.update(submission);
    }

    /** The submissions of an event with a decision staged and not yet released, locked. */
    public List<Submission> lockUnreleasedOfEvent(String eventId) {
        return submissions.findUnreleasedOfEventForUpdate(eventId);
    }

    /** The submissions to a group's open call with a decision staged and not yet released, locked. */
    public List<Submission> lockUnreleasedOfOpenCall(String groupId) {
        return submissions.findUnreleasedOfOpenCallForUpdate(groupId);
    }

    public List<TalkSpeaker> speakers(String submissionId) {
        return speakers.of(submissionId);
    }

    public List<String> tags(String submissionId) {
        return tags.of(submissionId);
    }

    public SubmissionView view(Submission submission, Standing standing) {
        return SubmissionView.of(submission, speakers.of(submission.id()), tags.of(submission.id())).shownTo(standing);
    }

    public TalkSnapshot snapshot(Submission submission) {
        return snapshot(submission, speakers.of(submission.id()), tags.of(submission.id()));
    }

    static TalkSnapshot snapshot(Submission submission, List<TalkSpeaker> speakers, List<String> tags) {
        return new TalkSnapshot(submission.id(), submission.eventId(), submission.groupId(), submission.title(),
                submission.abstractText(), submission.format().name(), submission.durationMinutes(),
                submission.language(), submission.level(), tags,
                speakers.stream().map(TalkSpeaker::ref).toList(), submission.status().name());
    }

    public boolean hasSpeaker(String submissionId, String speakerId) {
        return speakers.isSpeaker(submissionId, speakerId);
    }

    public boolean hasSpeakerWithEmail(String submissionId, String email) {
        return speakers.hasSpeakerWithEmail(submissionId, email);
    }

    /** Adds a co-speaker to a (locked) submission and refreshes what the archive searches: the submission now. */
    public Submission addCoSpeaker(Submission submission, String speakerId, Instant now) {
        speakers.add(submission.id(), speakerId, TalkSpeaker.CO_SPEAKER, now);
        return submissions.update(submission.withSpeakersText(SubmissionSpeakers.searchText(speakers.of(submission.id())), now));
    }
}
