package dev.podium.events.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * An RSVP. Arrival order (for the waitlist) is the table's auto-increment {@code seq}, read by queries.
 * A cancelled RSVP keeps its row without name or address.
 */
@MappedEntity("registration")
public record Registration(@Id String id, String eventId, @Nullable String name, @Nullable String email,
                           RegistrationStatus status, Instant createdAt, @Nullable Instant promotedAt,
                           @Nullable Instant cancelledAt) {

    Registration promote(Instant at) {
        return new Registration(id, eventId, name, email, RegistrationStatus.CONFIRMED, createdAt, at, cancelledAt);
    }

    Registration cancel(Instant at) {
        return new Registration(id, eventId, name, email, RegistrationStatus.CANCELLED, createdAt, promotedAt, at);
    }

    Registration erase() {
        return new Registration(id, eventId, null, null, status, createdAt, promotedAt, cancelledAt);
    }
}
