package dev.podium.events.registration;

import dev.podium.api.Conflict;
import dev.podium.api.NotFound;
import dev.podium.api.RuleViolation;
import dev.podium.contracts.events.CancelledBy;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.events.event.Event;
import dev.podium.events.event.EventService;
import dev.podium.events.event.EventSnapshots;
import dev.podium.events.event.EventStatus;
import dev.podium.events.support.Ids;
import dev.podium.messaging.outbox.Outbox;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * RSVPs. Every change to an event's registrations first locks the event's row, so capacity holds
 * across replicas; the unique key on (event, active address) keeps one RSVP per person.
 */
@Singleton
public class RegistrationService {

    private final RegistrationRepository registrations;
    private final EventService events;
    private final EventSnapshots snapshots;
    private final Waitlist waitlist;
    private final Outbox outbox;
    private final Clock clock;

    RegistrationService(RegistrationRepository registrations, EventService events, EventSnapshots snapshots,
                        Waitlist waitlist, Outbox outbox, Clock clock) {
        this.registrations = registrations;
        this.events = events;
        this.snapshots = snapshots;
        this.waitlist = waitlist;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Confirmed while seats remain, else waitlisted. A repeated RSVP returns the existing one. */
    @Transactional
    public RsvpResult register(String eventId, RegistrationRequest request) {
        Event event = events.lock(eventId);
        Optional<Registration> existing = registrations.findByEventIdAndEmailAndStatusNotEqual(
                eventId, request.email(), RegistrationStatus.CANCELLED);
        if (existing.isPresent()) {
            return new RsvpResult(view(existing.get()), false);
        }
        Instant now = clock.instant();
        checkOpen(event, now);
        boolean seatFree = event.capacity() == null
                || registrations.countByEventIdAndStatus(eventId, RegistrationStatus.CONFIRMED) < event.capacity();
        Registration registration = registrations.save(new Registration(Ids.newId(), eventId, request.name(),
                request.email(), seatFree ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED, now, null, null));
        RegistrationView view = view(registration);
        if (seatFree) {
            outbox.append(new RegistrationConfirmed(waitlist.snapshot(registration, null), snapshots.ref(event)));
        } else {
            outbox.append(new RegistrationWaitlisted(waitlist.snapshot(registration, view.waitlistPosition()), snapshots.ref(event)));
        }
        return new RsvpResult(view, true);
    }

    /** Cancelling a confirmed seat hands it to the oldest waitlisted RSVP. */
    @Transactional
    public RegistrationView cancel(String eventId, String registrationId, CancelledBy by) {
        Event event = events.lock(eventId);
        Registration registration = registrations.findByIdAndEventId(registrationId, eventId)
                .orElseThrow(() -> new NotFound("registration", registrationId));
        if (registration.status() == RegistrationStatus.CANCELLED) {
            return view(registration);
        }
        Registration cancelled = registrations.update(registration.cancel(clock.instant()));
        outbox.append(new RegistrationCancelled(waitlist.snapshot(cancelled, null), snapshots.ref(event), by));
        if (registration.status() == RegistrationStatus.CONFIRMED && event.status() == EventStatus.PUBLISHED) {
            waitlist.fillFreeSeats(event);
        }
        return view(cancelled);
    }

    @Transactional(readOnly = true)
    public List<RegistrationView> list(String eventId) {
        events.require(eventId);
        return registrations.findByEventInArrivalOrder(eventId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<RegistrationView> find(String eventId, String registrationId) {
        return registrations.findByIdAndEventId(registrationId, eventId).map(this::view);
    }

    private void checkOpen(Event event, Instant now) {
        if (event.status() != EventStatus.PUBLISHED) {
            throw new Conflict("event-not-open", "The event does not take RSVPs",
                    "RSVPs are taken by published events only; this one is " + event.status());
        }
        if (!event.startsAtUtc().isAfter(now)) {
            throw new Conflict("event-started", "The event has started", "RSVPs close when the event starts");
        }
        if (event.rsvpOpensAt() != null && now.isBefore(event.rsvpOpensAt())) {
            throw new RuleViolation("rsvp-not-open-yet", "RSVPs are not open yet", "RSVPs open at " + event.rsvpOpensAt());
        }
        if (event.rsvpClosesAt() != null && !now.isBefore(event.rsvpClosesAt())) {
            throw new Conflict("rsvp-closed", "RSVPs are closed", "RSVPs closed at " + event.rsvpClosesAt());
        }
    }

    private RegistrationView view(Registration registration) {
        Integer position = registration.status() == RegistrationStatus.WAITLISTED
                ? registrations.waitlistPosition(registration.eventId(), registration.id()) : null;
        return new RegistrationView(registration.id(), registration.eventId(), registration.name(), registration.email(),
                registration.status(), position, registration.createdAt(), registration.promotedAt(),
                registration.cancelledAt());
    }

    public record RsvpResult(RegistrationView registration, boolean created) {
    }
}
