package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An event was cancelled; its registrations are cancelled with it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventCancelled(EventSnapshot event, @Nullable String reason, Instant cancelledAt) implements PodiumMessage {

    @Override
    public String subject() {
        return event.eventId();
    }
}
