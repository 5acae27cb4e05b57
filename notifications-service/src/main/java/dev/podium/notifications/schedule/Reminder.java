package dev.podium.notifications.schedule;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** The reminder of a published event: due {@code reminder-before} its start ({@link Reminders}). */
@MappedEntity("reminder")
public record Reminder(@Id String eventId, Instant startsAtUtc, Instant dueAt) {
}
