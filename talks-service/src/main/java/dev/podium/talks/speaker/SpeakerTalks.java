package dev.podium.talks.speaker;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The talks of the public archive a speaker gives, for their page. The archive, a feature above this
 * one, decides what is public and answers.
 */
public interface SpeakerTalks {

    /** The speaker's talks in the public archive, newest event first. */
    List<Talk> of(String speakerId);

    /**
     * A talk as a speaker's page lists it.
     *
     * @param language the talk's language (BCP 47), null when the speaker did not say
     * @param startsAt wall-clock start in {@code timeZone}; null for a talk not on a dated event
     */
    record Talk(String id, String title, @Nullable String language, @Nullable String eventId, @Nullable String eventTitle,
                @Nullable LocalDateTime startsAt, @Nullable String timeZone, @Nullable String groupName) {
    }
}
