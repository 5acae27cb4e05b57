package dev.podium.talks.decision;

import dev.podium.talks.support.CodePoints;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Why organisers accept a talk (optional). */
@Serdeable
public record DecisionRequest(@Nullable @CodePoints(max = 5000) String reason) {
}
