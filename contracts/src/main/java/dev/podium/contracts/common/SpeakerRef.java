package dev.podium.contracts.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A speaker of a talk or an agenda slot.
 *
 * @param sub         the speaker's JWT subject, when they have an account
 * @param affiliation e.g. "PhD Candidate at INRIA Parietal"
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpeakerRef(
        String speakerId,
        @Nullable String sub,
        String name,
        @Nullable String email,
        @Nullable String affiliation) {
}
