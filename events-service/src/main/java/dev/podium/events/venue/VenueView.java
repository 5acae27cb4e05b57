package dev.podium.events.venue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record VenueView(String id, String name, String address, String city, String country,
                        @Nullable Integer capacity, @Nullable String notes) {

    public static VenueView of(Venue venue) {
        return new VenueView(venue.id(), venue.name(), venue.address(), venue.city(), venue.country(),
                venue.capacity(), venue.notes());
    }
}
