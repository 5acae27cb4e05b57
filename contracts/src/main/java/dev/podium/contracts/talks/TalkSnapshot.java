package dev.podium.contracts.talks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.podium.contracts.common.SpeakerRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Objects;

/**
 * The full state of a talk submission, carried by every message on the submissions topic.
 *
 * @param eventId      the event the talk was submitted to; null for a group's open call
 * @param groupId      null when the talk is not tied to a group yet
 * @param abstractText JSON field {@code abstract}
 * @param format       TALK, LIGHTNING, KEYNOTE, PRACTICAL or WORKSHOP
 * @param level        e.g. BEGINNER, INTERMEDIATE, ADVANCED
 * @param speakers     the primary speaker first
 * @param status       SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN or CONFIRMED
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TalkSnapshot(
        String submissionId,
        @Nullable String eventId,
        @Nullable String groupId,
        String title,
        @JsonProperty("abstract") String abstractText,
        String format,
        int durationMinutes,
        @Nullable String language,
        @Nullable String level,
        List<String> tags,
        List<SpeakerRef> speakers,
        String status) {

    public TalkSnapshot {
        tags = List.copyOf(Objects.requireNonNullElse(tags, List.of()));
        speakers = List.copyOf(Objects.requireNonNullElse(speakers, List.of()));
    }
}
