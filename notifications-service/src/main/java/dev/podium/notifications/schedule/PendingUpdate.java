package dev.podium.notifications.schedule;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * Changes to an event waiting to go out as one update email ({@link PendingUpdates}).
 *
 * @param triggerId makes the update email's trigger key, one per window
 * @param previous  the event's snapshot (JSON) before the window's first change
 * @param sendAfter when the window closes
 */
@MappedEntity("pending_update")
public record PendingUpdate(@Id String eventId, String triggerId, String previous, Instant sendAfter) {
}
