package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.common.PersonRef;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A person became an organiser of a group. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganiserAdded(String groupId, String slug, PersonRef organiser, Instant addedAt) implements PodiumMessage {

    @Override
    public String subject() {
        return groupId;
    }
}
