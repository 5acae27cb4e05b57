package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A pending member confirmed their membership (double opt-in). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberConfirmed(String groupId, String slug, String memberId, String email, Instant confirmedAt) implements PodiumMessage {

    @Override
    public String subject() {
        return groupId;
    }
}
