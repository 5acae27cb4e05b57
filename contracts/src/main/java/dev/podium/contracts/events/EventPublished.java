package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An event was published: members may now register. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventPublished(EventSnapshot event, Instant publishedAt) implements PodiumMessage {

    @Override
    public String subject() {
        return event.eventId();
    }
}
