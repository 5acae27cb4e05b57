package dev.podium.contracts.talks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** Organisers accepted a talk; the speaker has yet to confirm. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TalkAccepted(TalkSnapshot talk, @Nullable String reason, Instant decidedAt) implements PodiumMessage {

    @Override
    public String subject() {
        return talk.submissionId();
    }
}
