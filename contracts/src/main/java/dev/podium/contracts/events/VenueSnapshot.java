package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A venue as it was when the message was produced.
 *
 * @param notes access instructions, e.g. the floor or the door code
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record VenueSnapshot(
        String venueId,
        String name,
        String address,
        String city,
        String country,
        @Nullable String notes) {
}
