package dev.podium.contracts.talks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A speaker published the slides, video, code or references of a talk. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TalkMaterialsPublished(TalkSnapshot talk, Materials materials, Instant publishedAt) implements PodiumMessage {

    @Override
    public String subject() {
        return talk.submissionId();
    }
}
