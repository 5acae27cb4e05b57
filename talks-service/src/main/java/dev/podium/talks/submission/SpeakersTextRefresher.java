package dev.podium.talks.submission;

import dev.podium.persistence.Sql;
import dev.podium.talks.speaker.SpeakerProfileChanged;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Keeps the archive's searchable speaker names and affiliations in step with speaker profiles. */
@Singleton
class SpeakersTextRefresher {

    private final SubmissionSpeakers speakers;
    private final Sql sql;

    SpeakersTextRefresher(SubmissionSpeakers speakers, Sql sql) {
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
