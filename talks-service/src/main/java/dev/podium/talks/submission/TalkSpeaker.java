package dev.podium.talks.submission;

import dev.podium.contracts.common.SpeakerRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A speaker of a talk.
 *
 * @param role PRIMARY (who submitted) or CO_SPEAKER
 */
@Serdeable
public record TalkSpeaker(String id, String name, @Nullable String email, @Nullable String affiliation, String role) {

    public static final String PRIMARY = "PRIMARY";
    public static final String CO_SPEAKER = "CO_SPEAKER";

    public TalkSpeaker withoutEmail() {
        return new TalkSpeaker(id, name, null, affiliation, role);
    }

    public SpeakerRef ref() {
        return new SpeakerRef(id, null, name, email, affiliation);
    }

    /** What the archive's FULLTEXT index searches: name and affiliation. */
    String searchText() {
        return affiliation == null ? name : name + " (" + affiliation + ")";
    }
}
