package dev.podium.talks.archive;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.podium.talks.materials.MaterialsView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** An accepted talk in the public archive (no email addresses, no notes to organisers). */
@Serdeable
public record TalkView(
        String id,
        String title,
        @JsonProperty("abstract") String abstractText,
        String format,
        int durationMinutes,
        @Nullable String language,
        @Nullable String level,
        List<String> tags,
        List<Speaker> speakers,
        @Nullable Event event,
        @Nullable String groupSlug,
        @Nullable MaterialsView materials) {

    /** The archive's listing of a talk: the page of {@code GET /talks} as it has always been. */
    static TalkView of(PublicTalkView talk) {
        return new TalkView(talk.id(), talk.title(), talk.abstractText(), talk.format(), talk.durationMinutes(), talk.language(),
                talk.level(), talk.tags(), talk.speakers().stream().map(s -> new Speaker(s.name(), s.affiliation())).toList(),
                talk.event(), talk.group() == null ? null : talk.group().slug(), talk.materials());
    }

    @Serdeable
    public record Speaker(String name, @Nullable String affiliation) {
    }

    /** @param startsAt wall-clock start in {@code timeZone} */
    @Serdeable
    public record Event(String id, String title, @Nullable LocalDateTime startsAt, String timeZone, @Nullable Instant startsAtUtc) {
    }
}
