package dev.podium.contracts.talks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Objects;

/** What a speaker shares after the talk. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Materials(
        @Nullable String slidesUrl,
        @Nullable String videoUrl,
        @Nullable String codeUrl,
        List<Reference> references) {

    public Materials {
        references = List.copyOf(Objects.requireNonNullElse(references, List.of()));
    }
}
