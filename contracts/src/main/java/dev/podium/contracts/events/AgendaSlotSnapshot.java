package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.podium.contracts.common.SpeakerRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One slot of an event's agenda; times are wall-clock times in the event's time zone.
 *
 * @param kind         TALK, KEYNOTE, LIGHTNING, PRACTICAL, WORKSHOP, BREAK or SOCIAL
 * @param talkId       the talks-service submission shown in this slot, if any
 * @param abstractText the talk's abstract, JSON field {@code abstract}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgendaSlotSnapshot(
        String slotId,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        @Nullable String track,
        @Nullable String room,
        String kind,
        String title,
        @Nullable String talkId,
        List<SpeakerRef> speakers,
        @Nullable @JsonProperty("abstract") String abstractText) {

    public AgendaSlotSnapshot {
        speakers = List.copyOf(Objects.requireNonNullElse(speakers, List.of()));
    }
}
