package dev.podium.talks.submission;

import dev.podium.api.NotFound;
import dev.podium.persistence.Sql;
import dev.podium.security.Caller;
import dev.podium.talks.catalog.OrganiserAccess;
import dev.podium.security.Forbidden;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what with a submission, which is private until accepted. Its speakers, the organisers
 * of the group it was submitted to and admin may see it; to anyone else it does not exist (404, the
 * answer an unknown id gets). Among those who see it, its primary speaker and admin own it (edit,
 * withdraw, confirm, invite, materials), its group's organisers and admin review and decide; the
 * others are refused (403). Without a token, these endpoints answer 401 before any of this (the
 * controllers' {@code Caller.required}).
 */
@Singleton
public class SubmissionAccess {

    private final Sql sql;
    private final OrganiserAccess organisers;

    SubmissionAccess(Sql sql, OrganiserAccess organisers) {
        this.sql = sql;
        this.organisers = organisers;
    }

    /** The caller's standing towards a submission of {@code groupId}. */
    public Standing standing(String submissionId, String groupId, Caller caller) {
        List<SpeakerOwner> speakers = sql.list("""
                SELECT sp.id, sp.owner_sub, sp.email, ss.role
                FROM submission_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id
                WHERE ss.submission_id = ?""",
                row -> new SpeakerOwner(row.getString(1), row.getString(2), row.getString(3), row.getString(4)), submissionId);
        List<SpeakerOwner> own = speakers.stream().filter(s -> caller.is(s.ownerSub(), s.email())).toList();
        return new Standing(caller, organisers.organises(groupId, caller),
                own.stream().anyMatch(s -> TalkSpeaker.PRIMARY.equals(s.role())),
                own.stream().map(SpeakerOwner::speakerId).collect(Collectors.toUnmodifiableSet()));
    }

    /** Its speakers, its group's organisers and admin; 404 to anyone else. */
    public Standing requireReader(String submissionId, String groupId, Caller caller) {
        Standing standing = standing(submissionId, groupId, caller);
        if (!standing.sees()) {
            throw new NotFound("submission", submissionId);
        }
        return standing;
    }

    /** Its primary speaker and admin; 403 to the others who see it, 404 to anyone else. */
    public Standing requireOwner(String submissionId, String groupId, Caller caller) {
        Standing standing = requireReader(submissionId, groupId, caller);
        if (!standing.owns()) {
            throw new Forbidden();
        }
        return standing;
    }

    /** Its group's organisers and admin; 403 to the others who see it (its speakers), 404 to anyone else. */
    public Standing requireOrganiser(String submissionId, String groupId, Caller caller) {
        Standing standing = requireReader(submissionId, groupId, caller);
        if (!standing.organises()) {
            throw new Forbidden();
        }
        return standing;
    }

    /**
     * @param organiser      organises the submission's group (always true for admin)
     * @param primarySpeaker owns the profile of its primary speaker
     * @param ownSpeakerIds  those of its speakers whose profile is the caller's
     */
    public record Standing(Caller caller, boolean organiser, boolean primarySpeaker, Set<String> ownSpeakerIds) {

        public boolean sees() {
            return caller.admin() || organiser || !ownSpeakerIds.isEmpty();
        }

        public boolean owns() {
            return caller.admin() || primarySpeaker;
        }

        public boolean organises() {
            return caller.admin() || organiser;
        }

        /** Whether the caller may see the email of a speaker of the talk: organisers and admin all, a speaker their own. */
        public boolean seesEmailOf(String speakerId) {
            return organises() || ownSpeakerIds.contains(speakerId);
        }
    }

    private record SpeakerOwner(String speakerId, @Nullable String ownerSub, @Nullable String email, String role) {
    }
}
