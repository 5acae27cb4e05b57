package dev.podium.talks.submission;

import dev.podium.persistence.Sql;
import dev.podium.talks.speaker.SpeakerProfileChanged;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Listens to the speaker feature's {@link SpeakerProfileChanged} and keeps what the archive searches
 * of each of the speaker's talks ({@code speakers_text}: names and affiliations) in step, in one
 * bulk update per talk.
 */
@Singleton
class SpeakerProfileListener {

    private final SubmissionSpeakers speakers;
    private final Sql sql;

    SpeakerProfileListener(SubmissionSpeakers speakers, Sql sql) {
        this.speakers = speakers;
        this.sql = sql;
    }

    /** Runs synchronously, in the transaction that changed the profile. */
    @EventListener
    void onProfileChanged(SpeakerProfileChanged change) {
        for (String submissionId : speakers.submissionsOf(change.speakerId())) {
            sql.update("UPDATE submission SET speakers_text = ? WHERE id = ?",
                    SubmissionSpeakers.searchText(speakers.of(submissionId)), submissionId);
        }
    }
}
