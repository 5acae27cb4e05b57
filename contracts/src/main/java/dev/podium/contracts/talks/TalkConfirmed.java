package dev.podium.contracts.talks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** The speaker confirmed they will give an accepted talk. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TalkConfirmed(TalkSnapshot talk, Instant confirmedAt) implements PodiumMessage {

    @Override
    public String subject() {
        return talk.submissionId();
    }
}
