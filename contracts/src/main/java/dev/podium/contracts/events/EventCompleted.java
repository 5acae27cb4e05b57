package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An event took place. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventCompleted(EventSnapshot event, Instant completedAt) implements PodiumMessage {

    @Override
    public String subject() {
        return event.eventId();
    }
}
