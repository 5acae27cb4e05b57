package dev.podium.talks.cfp;

import dev.podium.api.StorableTime;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** A call for papers' window: submissions are accepted from {@code opensAt} (inclusive) to {@code closesAt} (exclusive). */
@Serdeable
public record CfpRequest(@NotNull @StorableTime Instant opensAt, @NotNull @StorableTime Instant closesAt) {
}
