package dev.podium.talks.review;

import dev.podium.talks.support.CodePoints;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** An organiser's score (1 to 5) and comment. */
@Serdeable
public record ReviewRequest(@NotNull @Min(1) @Max(5) Integer score, @Nullable @CodePoints(max = 5000) String comment) {
}
