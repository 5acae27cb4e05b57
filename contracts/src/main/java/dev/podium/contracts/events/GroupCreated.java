package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.common.PersonRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A group was created, with its first organisers. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupCreated(
        String groupId,
        String slug,
        String name,
        @Nullable String description,
        String timeZone,
        String language,
        List<PersonRef> organisers,
        Instant createdAt) implements PodiumMessage {

    public GroupCreated {
        organisers = List.copyOf(Objects.requireNonNullElse(organisers, List.of()));
    }

    @Override
    public String subject() {
        return groupId;
    }
}
