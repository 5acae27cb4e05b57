package dev.podium.events.registration;

import dev.podium.contracts.Streams;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.RegistrationPromoted;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.events.event.Event;
import dev.podium.events.event.EventSnapshots;
import dev.podium.events.links.SignedLinks;
import dev.podium.messaging.outbox.Outbox;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Moves the oldest waitlisted RSVPs into free seats. Callers hold the event's row lock, so two
 * replicas never hand out the same seat.
 */
@Singleton
class Waitlist {

    private final RegistrationRepository registrations;
    private final EventSnapshots snapshots;
    private final Outbox outbox;
    private final SignedLinks links;
    private final Clock clock;

    Waitlist(RegistrationRepository registrations, EventSnapshots snapshots, Outbox outbox, SignedLinks links, Clock clock) {
        this.registrations = registrations;
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    /** Fills the seats the event's capacity leaves free; returns how many were promoted. */
    int fillFreeSeats(Event lockedEvent) {
        // Locking reads: the caller's transaction may have taken its snapshot before the event's lock was granted.
        long confirmed = registrations.countConfirmedLocked(lockedEvent.id());
        long free = lockedEvent.capacity() == null ? Integer.MAX_VALUE : lockedEvent.capacity() - confirmed;
        if (free <= 0) {
            return 0;
        }
        Instant now = clock.instant();
        List<Registration> promoted = registrations.findOldestWaitlisted(lockedEvent.id(), (int) Math.min(free, 10_000)).stream()
                .map(registration -> registrations.update(registration.promote(now)))
                .toList();
        promoted.forEach(registration -> outbox.appendChange(
                new RegistrationPromoted(snapshot(registration, null), snapshots.ref(lockedEvent)),
                Streams.eventRegistrations(lockedEvent.id())));
        return promoted.size();
    }

    RegistrationSnapshot snapshot(Registration registration, Integer waitlistPosition) {
        return new RegistrationSnapshot(registration.id(), registration.eventId(),
                new PersonRef(null, registration.name(), registration.email()), registration.status().name(),
                registration.createdAt(), waitlistPosition, manageUrl(registration));
    }

    String manageUrl(Registration registration) {
        return links.url("/events/" + registration.eventId() + "/registrations/" + registration.id(),
                SignedLinks.MANAGE_REGISTRATION, registration.id());
    }
}
