package dev.podium.talks.decision;

import dev.podium.talks.support.CodePoints;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/** Why organisers reject a talk (required: the speaker is told when the decision is released). */
@Serdeable
public record RejectionRequest(@NotBlank @CodePoints(max = 5000) String reason) {
}
