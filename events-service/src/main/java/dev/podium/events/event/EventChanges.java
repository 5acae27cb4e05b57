package dev.podium.events.event;

import dev.podium.contracts.events.ChangeKind;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An event's editable state after a PATCH, and what it changed compared to before. */
record EventChanges(@Nullable Integer number, String title, @Nullable String description, String timeZone,
                    @Nullable Instant startsAtUtc, @Nullable Instant endsAtUtc, @Nullable String venueId,
                    @Nullable Integer capacity, @Nullable Instant rsvpOpensAt, @Nullable Instant rsvpClosesAt) {

    List<ChangeKind> comparedTo(Event before) {
        List<ChangeKind> kinds = new ArrayList<>();
        if (!Objects.equals(startsAtUtc, before.startsAtUtc()) || !Objects.equals(endsAtUtc, before.endsAtUtc())
                || !timeZone.equals(before.timeZone())) {
            kinds.add(ChangeKind.TIME);
        }
        if (!Objects.equals(venueId, before.venueId())) {
            kinds.add(ChangeKind.VENUE);
        }
        if (!Objects.equals(number, before.number()) || !title.equals(before.title())
                || !Objects.equals(description, before.description()) || !Objects.equals(rsvpOpensAt, before.rsvpOpensAt())
                || !Objects.equals(rsvpClosesAt, before.rsvpClosesAt())) {
            kinds.add(ChangeKind.DETAILS);
        }
        if (!Objects.equals(capacity, before.capacity())) {
            kinds.add(ChangeKind.CAPACITY);
        }
        return kinds;
    }

    boolean movesCalendarEntry(Event before) {
        List<ChangeKind> kinds = comparedTo(before);
        return kinds.contains(ChangeKind.TIME) || kinds.contains(ChangeKind.VENUE);
    }
}
