package dev.podium.talks.archive;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.podium.talks.materials.MaterialsView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A talk of the public archive, as {@code GET /talks/{id}} answers it and its page shows it: only what
 * the archive may show of an accepted talk. No email addresses, no notes to the organisers, no
 * reviews, no decision or who made it.
 *
 * @param abstractText the abstract as the speaker wrote it (Markdown)
 * @param format       TALK, LIGHTNING, KEYNOTE, PRACTICAL or WORKSHOP
 * @param language     the talk's language (BCP 47), e.g. {@code en}
 * @param level        BEGINNER, INTERMEDIATE or ADVANCED
 * @param speakers     the primary speaker first
 * @param event        null for a talk accepted to a group's open call, not yet on an event
 * @param materials    null until the speaker publishes some
 */
@Serdeable
@Schema(description = "An accepted talk as the public archive shows it: no email addresses, "
        + "no notes to organisers, no reviews or decisions")
public record PublicTalkView(
        String id,
        String title,
        @JsonProperty("abstract") @Schema(description = "the abstract as the speaker wrote it (Markdown)") String abstractText,
        String format,
        int durationMinutes,
        @Nullable String language,
        @Nullable String level,
        List<String> tags,
        List<Speaker> speakers,
        @Nullable TalkView.Event event,
        @Nullable Group group,
        @Nullable MaterialsView materials) {

    /** A speaker as the archive names them; their profile is {@code /speakers/{id}}. */
    @Serdeable
    @Schema(name = "PublicTalkSpeaker")
    public record Speaker(String id, String name, @Nullable String affiliation) {
    }

    /**
     * The group the talk was given to.
     *
     * @param name     null while talks-service has not heard of the group
     * @param language the group's language, which its talks' pages are shown in unless the reader chose another
     */
    @Serdeable
    @Schema(name = "PublicTalkGroup")
    public record Group(String slug, @Nullable String name, @Nullable String language) {
    }
}
