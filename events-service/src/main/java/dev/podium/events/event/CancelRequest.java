package dev.podium.events.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

@Serdeable
public record CancelRequest(@Nullable @Size(max = 2_000) String reason) {
}
