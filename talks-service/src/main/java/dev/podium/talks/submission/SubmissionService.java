package dev.podium.talks.submission;

import dev.podium.api.BadRequest;
import dev.podium.contracts.Causality;
import dev.podium.contracts.StreamVersion;
import dev.podium.contracts.Streams;
import dev.podium.contracts.talks.TalkConfirmed;
import dev.podium.contracts.talks.TalkSubmitted;
import dev.podium.contracts.talks.TalkUpdated;
import dev.podium.contracts.talks.TalkWithdrawn;
import dev.podium.messaging.causality.Watermarks;
import dev.podium.messaging.outbox.Outbox;
import dev.podium.security.Caller;
import dev.podium.talks.catalog.Catalog;
import dev.podium.talks.catalog.KnownEvent;
import dev.podium.talks.cfp.CfpService;
import dev.podium.talks.cfp.Target;
import dev.podium.talks.cfp.Targets;
import dev.podium.talks.speaker.Speaker;
import dev.podium.talks.speaker.SpeakerAccess;
import dev.podium.talks.speaker.SpeakerRepository;
import dev.podium.talks.submission.SubmissionAccess.Standing;
import dev.podium.security.Forbidden;
import dev.podium.talks.support.Ids;
import dev.podium.talks.support.TalksProblem;
import dev.podium.talks.support.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The speakers' side of a submission: submit (with one's own profile), edit (with revision history),
 * withdraw, confirm. Who may see and change which submission is {@link SubmissionAccess}'s call.
 */
@Singleton
public class SubmissionService {

    private final SubmissionRepository repository;
    private final SubmissionSpeakers submissionSpeakers;
    private final SubmissionTags tags;
    private final SubmissionRevisions revisions;
    private final SpeakerRepository speakers;
    private final Targets targets;
    private final CfpService calls;
    private final Catalog catalog;
    private final Submissions submissions;
    private final SubmissionAccess access;
    private final SpeakerAccess speakerAccess;
    private final Outbox outbox;
    private final Watermarks watermarks;
    private final Clock clock;

    SubmissionService(SubmissionRepository repository, SubmissionSpeakers submissionSpeakers, SubmissionTags tags,
                      SubmissionRevisions revisions, SpeakerRepository speakers, Targets targets, CfpService calls,
                      Catalog catalog, Submissions submissions, SubmissionAccess access, SpeakerAccess speakerAccess, Outbox outbox,
                      Watermarks watermarks, Clock clock) {
        this.repository = repository;
        this.submissionSpeakers = submissionSpeakers;
        this.tags = tags;
        this.revisions = revisions;
        this.speakers = speakers;
        this.targets = targets;
        this.calls = calls;
        this.catalog = catalog;
        this.submissions = submissions;
        this.access = access;
        this.speakerAccess = speakerAccess;
        this.outbox = outbox;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    /** The caller submits with their own profile(s); an admin with anyone's. 403 for another speaker's profile. */
    @Transactional
    public SubmissionView submit(SubmissionRequest request, Caller caller) {
        Instant now = Times.now(clock);
        TalkContent content = new TalkContent(request.title(), request.abstractText(), TalkFormat.valueOf(request.format()),
                request.durationMinutes(), blankToNull(request.language()), blankToNull(request.level()), blankToNull(request.notes()));
        content.format().requireDuration(content.durationMinutes());
        List<Speaker> speakersInOrder = speakers(request.speakerIds());
        if (!speakersInOrder.stream().allMatch(speaker -> speakerAccess.actsFor(speaker, caller))) {
            throw new Forbidden();
        }
        Target target = target(request.eventId(), request.groupSlug());
        calls.requireOpen(target, now);

        List<TalkSpeaker> talkSpeakers = new ArrayList<>();
        for (int i = 0; i < speakersInOrder.size(); i++) {
            Speaker speaker = speakersInOrder.get(i);
            talkSpeakers.add(new TalkSpeaker(speaker.id(), speaker.name(), speaker.email(), speaker.affiliation(),
                    i == 0 ? TalkSpeaker.PRIMARY : TalkSpeaker.CO_SPEAKER));
        }
        Submission submission = Submission.submitted(Ids.newId(), target.isEvent() ? target.id() : null, target.groupId(),
                content, SubmissionSpeakers.searchText(talkSpeakers), now);
        repository.save(submission);
        for (TalkSpeaker speaker : talkSpeakers) {
            submissionSpeakers.add(submission.id(), speaker.id(), speaker.role(), now);
        }
        List<String> tagList = SubmissionTags.normalise(request.tags() == null ? List.of() : request.tags());
        tags.replace(submission.id(), tagList);
        revisions.record(submission.id(), 0, content, tagList, now);
        // notifications-service writes to the group's organisers: those talks-service knew of, at least.
        String organisers = Streams.groupMembers(target.groupId());
        outbox.append(new TalkSubmitted(Submissions.snapshot(submission, talkSpeakers, tagList), now),
                Causality.after(new StreamVersion(organisers, watermarks.known(organisers))));
        return SubmissionView.of(submission, talkSpeakers, tagList);
    }

    @Transactional(readOnly = true)
    public SubmissionView get(String id, Caller caller) {
        Submission submission = submissions.find(id);
        return submissions.view(submission, access.requireReader(id, submission.groupId(), caller));
    }

    @Transactional
    public SubmissionView edit(String id, SubmissionPatch patch, Caller caller) {
        Submission submission = submissions.lock(id);
        Standing standing = access.requireOwner(id, submission.groupId(), caller);
        TalkContent current = submission.content();
        TalkContent content = new TalkContent(
                patch.title() == null ? current.title() : patch.title(),
                patch.abstractText() == null ? current.abstractText() : patch.abstractText(),
                patch.format() == null ? current.format() : TalkFormat.valueOf(patch.format()),
                patch.durationMinutes() == null ? current.durationMinutes() : patch.durationMinutes(),
                patch.language() == null ? current.language() : blankToNull(patch.language()),
                patch.level() == null ? current.level() : blankToNull(patch.level()),
                patch.notes() == null ? current.notes() : blankToNull(patch.notes()));
        List<String> currentTags = tags.of(id);
        List<String> editedTags = patch.tags() == null ? currentTags : SubmissionTags.normalise(patch.tags());
        if (content.equals(current) && editedTags.equals(currentTags)) {
            submission.requireNotWithdrawn();
            return submissions.view(submission, standing);
        }
        content.format().requireDuration(content.durationMinutes());
        Instant now = Times.now(clock);
        Submission edited = repository.update(submission.edited(content, now));
        if (!editedTags.equals(currentTags)) {
            tags.replace(id, editedTags);
        }
        revisions.record(id, edited.revision(), content, editedTags, now);
        List<TalkSpeaker> talkSpeakers = submissionSpeakers.of(id);
        outbox.append(new TalkUpdated(Submissions.snapshot(edited, talkSpeakers, editedTags), edited.revision(), now));
        return SubmissionView.of(edited, talkSpeakers, editedTags).shownTo(standing);
    }

    @Transactional(readOnly = true)
    public List<RevisionView> revisions(String id, Caller caller) {
        Submission submission = submissions.find(id);
        access.requireReader(id, submission.groupId(), caller);
        return revisions.of(id);
    }

    @Transactional
    public SubmissionView withdraw(String id, Caller caller) {
        Submission submission = submissions.lock(id);
        Standing standing = access.requireOwner(id, submission.groupId(), caller);
        Instant now = Times.now(clock);
        Instant eventStartsAt = submission.eventId() == null ? null
                : catalog.event(submission.eventId()).map(KnownEvent::startsAtUtc).orElse(null);
        Submission withdrawn = repository.update(submission.withdrawn(now, eventStartsAt));
        outbox.append(new TalkWithdrawn(submissions.snapshot(withdrawn), now));
        return submissions.view(withdrawn, standing);
    }

    @Transactional
    public SubmissionView confirm(String id, Caller caller) {
        Submission submission = submissions.lock(id);
        Standing standing = access.requireOwner(id, submission.groupId(), caller);
        Instant now = Times.now(clock);
        Submission confirmed = repository.update(submission.confirmed(now));
        outbox.append(new TalkConfirmed(submissions.snapshot(confirmed), now));
        return submissions.view(confirmed, standing);
    }

    private List<Speaker> speakers(List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new BadRequest("duplicate-speaker", "Duplicate speaker", "Speaker " + id + " is listed twice");
            }
        }
        Map<String, Speaker> found = speakers.findByIdIn(ids).stream().collect(Collectors.toMap(Speaker::id, Function.identity()));
        return ids.stream().map(id -> {
            Speaker speaker = found.get(id);
            if (speaker == null) {
                throw TalksProblem.unknown("speaker", id);
            }
            return speaker;
        }).toList();
    }

    private Target target(@Nullable String eventId, @Nullable String groupSlug) {
        boolean event = eventId != null && !eventId.isBlank();
        boolean group = groupSlug != null && !groupSlug.isBlank();
        if (event == group) {
            throw new BadRequest("invalid-target", "Invalid target",
                    "Submit to exactly one of an event (eventId) or a group's open call (groupSlug)");
        }
        return event ? targets.eventToSubmitTo(eventId) : targets.groupToSubmitTo(groupSlug);
    }

    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
