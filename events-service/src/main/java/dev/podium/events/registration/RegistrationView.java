package dev.podium.events.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

@Serdeable
public record RegistrationView(String id, String eventId, String name, String email, RegistrationStatus status,
                               @Nullable Integer waitlistPosition, Instant createdAt, @Nullable Instant promotedAt,
                               @Nullable Instant cancelledAt) {
}
