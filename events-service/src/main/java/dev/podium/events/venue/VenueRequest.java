package dev.podium.events.venue;

import dev.podium.api.PlainText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record VenueRequest(@NotBlank @Size(max = 200) @PlainText String name,
                           @NotBlank @Size(max = 500) String address,
                           @NotBlank @Size(max = 200) String city,
                           @NotBlank @Size(max = 100) String country,
                           @Nullable @Min(1) @Max(1_000_000) Integer capacity,
                           @Nullable @Size(max = 5_000) String notes) {
}
