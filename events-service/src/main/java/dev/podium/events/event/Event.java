package dev.podium.events.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * An event of a group. Its times are UTC instants beside its IANA zone; {@link #localStart()} gives
 * back the wall-clock time people were told ("19:00 in Paris"). {@code sequence} is what calendar
 * clients compare: it rises when the time, the venue or the status changes.
 */
@MappedEntity("event")
public record Event(@Id String id, String groupId, @Nullable Integer number, String title, @Nullable String description,
                    EventStatus status, String timeZone, @Nullable Instant startsAtUtc, @Nullable Instant endsAtUtc,
                    @Nullable String venueId, @Nullable Integer capacity, @Nullable Instant rsvpOpensAt,
                    @Nullable Instant rsvpClosesAt, @Nullable String cancellationReason, int sequence,
                    Instant createdAt, Instant updatedAt) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public boolean hasDate() {
        return startsAtUtc != null;
    }

    @Nullable
    public LocalDateTime localStart() {
        return startsAtUtc == null ? null : LocalDateTime.ofInstant(startsAtUtc, zone());
    }

    @Nullable
    public LocalDateTime localEnd() {
        return endsAtUtc == null ? null : LocalDateTime.ofInstant(endsAtUtc, zone());
    }

    Event withStatus(EventStatus newStatus, @Nullable String reason, Instant now) {
        return new Event(id, groupId, number, title, description, newStatus, timeZone, startsAtUtc, endsAtUtc, venueId,
                capacity, rsvpOpensAt, rsvpClosesAt, reason, newStatus == EventStatus.COMPLETED ? sequence : sequence + 1,
                createdAt, now);
    }

    Event withChanges(EventChanges changes, Instant now) {
        return new Event(id, groupId, changes.number(), changes.title(), changes.description(), status,
                changes.timeZone(), changes.startsAtUtc(), changes.endsAtUtc(), changes.venueId(), changes.capacity(),
                changes.rsvpOpensAt(), changes.rsvpClosesAt(), cancellationReason,
                changes.movesCalendarEntry(this) ? sequence + 1 : sequence, createdAt, now);
    }
}
