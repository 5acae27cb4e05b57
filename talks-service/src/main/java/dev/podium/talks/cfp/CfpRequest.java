package dev.podium.talks.cfp;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** A call for papers' window: submissions are accepted from {@code opensAt} (inclusive) to {@code closesAt} (exclusive). */
@Serdeable
public record CfpRequest(@NotNull Instant opensAt, @NotNull Instant closesAt) {
}
