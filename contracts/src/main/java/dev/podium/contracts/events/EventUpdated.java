package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An event changed.
 *
 * @param previous the state before the change
 * @param changes  what changed, so consumers can tell attendees only what matters to them
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventUpdated(
        EventSnapshot event,
        EventSnapshot previous,
        List<ChangeKind> changes,
        Instant updatedAt) implements PodiumMessage {

    public EventUpdated {
        changes = List.copyOf(Objects.requireNonNullElse(changes, List.of()));
    }

    @Override
    public String subject() {
        return event.eventId();
    }
}
