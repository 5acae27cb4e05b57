package dev.podium.events.venue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("venue")
public record Venue(@Id String id, String name, String address, String city, String country,
                    @Nullable Integer capacity, @Nullable String notes, Instant createdAt) {
}
