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
 * clients compare: it rises when the time, the venue or the status changes. {@code previousStartsAtUtc}
 * is the start an announced event had before its latest move (null if it never moved once published):
 * the pages call it rescheduled. Giving a date to an event whose date was to be announced is no move.
 */
@MappedEntity("event")
public record Event(@Id String id, String groupId, @Nullable Integer number, String title, @Nullable String description,
                    EventStatus status, String timeZone, @Nullable Instant startsAtUtc, @Nullable Instant endsAtUtc,
                    @Nullable String venueId, @Nullable Integer capacity, @Nullable Instant rsvpOpensAt,
                    @Nullable Instant rsvpClosesAt, @Nullable String cancellationReason, int sequence,
                    Instant createdAt, Instant updatedAt, @Nullable Instant previousStartsAtUtc) {

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
                createdAt, now, previousStartsAtUtc);
    }

    Event withChanges(EventChanges changes, Instant now) {
        return new Event(id, groupId, changes.number(), changes.title(), changes.description(), status,
                changes.timeZone(), changes.startsAtUtc(), changes.endsAtUtc(), changes.venueId(), changes.capacity(),
                changes.rsvpOpensAt(), changes.rsvpClosesAt(), cancellationReason,
                changes.movesCalendarEntry(this) ? sequence + 1 : sequence, createdAt, now,
                movedAfterAnnouncement(changes) ? startsAtUtc : previousStartsAtUtc);
    }

    /** A published event with a date given another start: people were told one date, then another. */
    private boolean movedAfterAnnouncement(EventChanges changes) {
        return status == EventStatus.PUBLISHED && startsAtUtc != null && changes.startsAtUtc() != null
                && !startsAtUtc.equals(changes.startsAtUtc());
    }

    /** Whether RSVPs are taken now, and if not, why: the one rule the API and the pages follow. */
    public RsvpWindow rsvpWindow(Instant now) {
        if (status != EventStatus.PUBLISHED) {
            return RsvpWindow.NOT_PUBLISHED;
        }
        if (hasDate() && !startsAtUtc.isAfter(now)) {
            return RsvpWindow.STARTED;
        }
        if (rsvpOpensAt != null && now.isBefore(rsvpOpensAt)) {
            return RsvpWindow.NOT_YET_OPEN;
        }
        if (rsvpClosesAt != null && !now.isBefore(rsvpClosesAt)) {
            return RsvpWindow.CLOSED;
        }
        return RsvpWindow.OPEN;
    }

    public enum RsvpWindow { OPEN, NOT_PUBLISHED, STARTED, NOT_YET_OPEN, CLOSED }
}
