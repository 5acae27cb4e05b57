package dev.podium.events.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * An RSVP. {@code name} and {@code email} only for the attendee (through their link) and the group's
 * organisers and admins; {@code manageUrl}, the signed link to view or cancel it, only in the answer
 * that created it (it is emailed too).
 */
@Serdeable
public record RegistrationView(String id, String eventId, @Nullable String name, @Nullable String email,
                               RegistrationStatus status, @Nullable Integer waitlistPosition, Instant createdAt,
                               @Nullable Instant promotedAt, @Nullable Instant cancelledAt, @Nullable String manageUrl) {
}
