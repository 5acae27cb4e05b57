package dev.podium.notifications.audience;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * The latest snapshot of an event heard of on the events topic ({@link KnownEvents}).
 *
 * @param snapshot  the {@code EventSnapshot} as JSON
 * @param announced whether its announcement was recorded
 */
@MappedEntity("known_event")
record KnownEvent(@Id String eventId, String groupId, String status, boolean announced, String snapshot, Instant updatedAt) {
}
