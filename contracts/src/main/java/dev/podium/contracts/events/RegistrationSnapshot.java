package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.common.PersonRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * An attendee's RSVP to an event.
 *
 * @param status           CONFIRMED, WAITLISTED or CANCELLED
 * @param waitlistPosition 1-based, while waitlisted
 * @param manageUrl        signed link for the attendee to view or cancel the RSVP
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistrationSnapshot(
        String registrationId,
        String eventId,
        PersonRef attendee,
        String status,
        Instant createdAt,
        @Nullable Integer waitlistPosition,
        @Nullable String manageUrl) {
}
