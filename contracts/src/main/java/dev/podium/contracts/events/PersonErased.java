package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A person asked for their data to be erased: every service forgets {@code email}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersonErased(String erasureId, String email, Instant erasedAt) implements PodiumMessage {

    @Override
    public String subject() {
        return erasureId;
    }
}
