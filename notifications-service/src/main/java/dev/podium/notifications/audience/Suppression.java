package dev.podium.notifications.audience;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/**
 * An address no send may reach again (a permanent SMTP failure), known by its SHA-256 so that an
 * erasure can drop the address and keep the entry.
 *
 * @param email null once the person was erased
 */
@MappedEntity("suppression")
record Suppression(@Id @MappedProperty("email_sha256") String emailSha256, @Nullable String email, String reason, Instant createdAt) {
}
