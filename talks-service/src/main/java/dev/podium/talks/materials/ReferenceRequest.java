package dev.podium.talks.materials;

import dev.podium.api.PlainText;
import dev.podium.talks.support.CodePoints;
import dev.podium.talks.support.WebUrl;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/** A paper, article or repository the talk cites. */
@Serdeable
public record ReferenceRequest(@NotBlank @CodePoints(max = 500) @PlainText String title, @NotBlank @WebUrl String url) {
}
