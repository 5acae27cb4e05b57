package dev.podium.contracts.talks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A speaker edited a submitted talk.
 *
 * @param revision 1 for the first edit, incremented on each one
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TalkUpdated(TalkSnapshot talk, int revision, Instant updatedAt) implements PodiumMessage {

    @Override
    public String subject() {
        return talk.submissionId();
    }
}
