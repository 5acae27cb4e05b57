package dev.podium.events.registration;

import dev.podium.api.Conflict;
import dev.podium.api.NotFound;
import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.api.RuleViolation;
import dev.podium.contracts.Streams;
import dev.podium.contracts.events.CancelledBy;
import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.events.event.Event;
import dev.podium.events.event.EventAccess;
import dev.podium.events.event.EventInGroup;
import dev.podium.events.event.EventService;
import dev.podium.events.event.EventSnapshots;
import dev.podium.events.event.EventStatus;
import dev.podium.events.group.GroupAccess;
import dev.podium.events.links.SignedLinks;
import dev.podium.events.support.Ids;
import dev.podium.messaging.outbox.Outbox;
import dev.podium.persistence.ConflictRetry;
import dev.podium.persistence.DuplicateKey;
import dev.podium.persistence.Sql;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * RSVPs. Every change to an event's registrations first locks the event's row, so capacity holds
 * across replicas; the unique key on (event, active address) keeps one RSVP per person.
 *
 * <p>A method that takes the {@link Caller} checks, through {@link EventAccess}, that the caller may act
 * before the transaction of the change opens, as a separate call into this bean (so Micronaut's
 * interceptor opens it): the change then reads, after the event's lock, what was last committed.
 */
@Singleton
public class RegistrationService {

    private final RegistrationRepository registrations;
    private final EventService events;
    private final EventAccess access;
    private final EventSnapshots snapshots;
    private final Waitlist waitlist;
    private final Outbox outbox;
    private final TransactionOperations<Connection> transactions;
    private final Sql sql;
    private final Clock clock;

    RegistrationService(RegistrationRepository registrations, EventService events, EventAccess access, EventSnapshots snapshots,
                        Waitlist waitlist, Outbox outbox, TransactionOperations<Connection> transactions,
                        Sql sql, Clock clock) {
        this.registrations = registrations;
        this.events = events;
        this.access = access;
        this.snapshots = snapshots;
        this.waitlist = waitlist;
        this.outbox = outbox;
        this.transactions = transactions;
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * Confirmed while seats remain, else waitlisted; the answer carries the signed link to manage it.
     * A repeated RSVP returns the existing one, but not whose it is nor its link (anyone can type an
     * address), unless the caller is signed in with that verified address. A draft answers 404 to
     * whoever may not see it, as an unknown event does.
     *
     * <p>The RSVPs of one event queue up on its row's lock, so the transaction that holds it does only
     * what capacity needs: lock, count the seats, insert the RSVP and its message. The event and its group
     * (and venue) are read before it, in one statement; the answer's view needs no read after it. A repeat
     * is found by the unique key on (event, active address) refusing the insert, which saves every first
     * RSVP a look-up; the existing RSVP is then read after the rollback.
     */
    public RsvpResult register(String eventId, RegistrationRequest request, Optional<Caller> caller) {
        EventInGroup visible = access.requireVisibleInGroup(eventId, caller);
        EventSnapshots.RefContext context = snapshots.context(visible.event(), visible.group());
        Seat seat;
        try {
            seat = ConflictRetry.retried(() -> transactions.executeWrite(status -> takeSeat(eventId, request, context)));
        } catch (DataAccessException e) {
            if (!DuplicateKey.any(e)) {
                throw e;
            }
            return repeated(registrations.findActive(eventId, request.email()).orElseThrow(() -> e), caller);
        }
        if (seat.repeated()) {
            return repeated(seat.registration(), caller);
        }
        return new RsvpResult(view(seat.registration(), true, waitlist.manageUrl(seat.registration()), seat.waitlistPosition()), true);
    }

    private Seat takeSeat(String eventId, RegistrationRequest request, EventSnapshots.RefContext context) {
        Event event = events.lock(eventId);
        Instant now = clock.instant();
        if (event.rsvpWindow(now) != Event.RsvpWindow.OPEN) {
            // An RSVP made while the event took them is still answered when it no longer does.
            Optional<Registration> existing = registrations.findActive(eventId, request.email());
            if (existing.isPresent()) {
                return new Seat(existing.get(), null, true);
            }
            checkOpen(event, now);
        }
        return seat(event, request.name(), request.email(), now, snapshots.ref(event, context));
    }

    /** A new RSVP of the locked, open event: confirmed while seats remain, else waitlisted; its message goes to the outbox. */
    Seat seat(Event lockedEvent, String name, String email, Instant now, EventRef ref) {
        String eventId = lockedEvent.id();
        Seats seats = Seats.of(sql, eventId);
        boolean seatFree = seats.free(lockedEvent.capacity());
        Registration registration = registrations.save(new Registration(Ids.newId(), eventId, name,
                email, seatFree ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED, now, null, null));
        if (seatFree) {
            outbox.appendChange(new RegistrationConfirmed(waitlist.snapshot(registration, null), ref),
                    Streams.eventRegistrations(eventId));
            return new Seat(registration, null, false);
        }
        int position = Math.toIntExact(seats.waitlisted() + 1);
        outbox.appendChange(new RegistrationWaitlisted(waitlist.snapshot(registration, position), ref),
                Streams.eventRegistrations(eventId));
        return new Seat(registration, position, false);
    }

    private RsvpResult repeated(Registration registration, Optional<Caller> caller) {
        boolean own = caller.map(c -> c.is(null, registration.email())).orElse(false);
        return new RsvpResult(own ? viewWithLink(registration) : anonymousView(registration), false);
    }

    /** The RSVP taken, or the address's existing one ({@code repeated}). */
    record Seat(Registration registration, Integer waitlistPosition, boolean repeated) {
    }

    /**
     * Through the RSVP's signed link ({@code token}), a cancellation by the attendee; without one, by the
     * organisers of the event's group and admins. To anyone else the RSVP answers 404, as an unknown id.
     */
    public RegistrationView cancel(String eventId, String registrationId, @Nullable String token, Optional<Caller> caller) {
        GroupAccess.Holder holder = reach(eventId, registrationId, token, caller);
        return cancel(eventId, registrationId, holder == GroupAccess.Holder.LINK ? CancelledBy.ATTENDEE : CancelledBy.ORGANISER);
    }

    /**
     * Cancels an RSVP and erases the attendee from its row; a freed confirmed seat goes to the oldest
     * waitlisted RSVP. RegistrationCancelled still names the attendee, so that notifications-service
     * can confirm the cancellation to them; the outbox forgets every message about the RSVP once that
     * one is relayed.
     */
    @Transactional
    public RegistrationView cancel(String eventId, String registrationId, CancelledBy by) {
        Event event = events.lock(eventId);
        Registration registration = registrations.findByIdAndEventId(registrationId, eventId)
                .orElseThrow(() -> new NotFound("registration", registrationId));
        Registration cancelled = registration;
        if (registration.status() != RegistrationStatus.CANCELLED) {
            cancelled = registration.cancel(clock.instant());
            outbox.appendChange(new RegistrationCancelled(waitlist.snapshot(cancelled, null), snapshots.ref(event), by),
                    Streams.eventRegistrations(eventId));
        }
        Registration erased = registrations.update(cancelled.erase());
        if (registration.status() == RegistrationStatus.CONFIRMED && event.status() == EventStatus.PUBLISHED) {
            waitlist.fillFreeSeats(event);
        }
        outbox.forget(registrationId);
        return view(erased);
    }

    /**
     * Part of a person's erasure: their RSVPs are cancelled and erased without a message naming them
     * (PersonErased tells the other services); freed seats go to the waitlist. Each event is locked
     * before its RSVPs are read (locking reads, so as last committed): an RSVP promoted meanwhile frees
     * its seat. Events are locked in id order, as two erasures may touch the same events. Returns the
     * events they had RSVPed to.
     */
    public Set<String> erasePerson(String email) {
        Set<String> eventIds = new TreeSet<>(registrations.findEventIdsByEmail(email));
        Instant now = clock.instant();
        for (String eventId : eventIds) {
            Event event = events.lock(eventId);
            boolean seatFreed = false;
            for (Registration registration : registrations.lockOfPerson(eventId, email)) {
                seatFreed |= registration.status() == RegistrationStatus.CONFIRMED;
                Registration cancelled = registration.status() == RegistrationStatus.CANCELLED ? registration : registration.cancel(now);
                registrations.update(cancelled.erase());
            }
            if (seatFreed && event.status() == EventStatus.PUBLISHED) {
                waitlist.fillFreeSeats(event);
            }
        }
        return eventIds;
    }

    /** Organisers of the event's group and admins: 404 on a draft the caller may not see, else 403. */
    public PageView<RegistrationView> list(String eventId, PageQuery page, Caller caller) {
        access.requireOrganiser(eventId, caller);
        return list(eventId, page);
    }

    /** A page of the event's RSVPs in arrival order, with waitlist positions: three queries whatever the page's size. */
    @Transactional(readOnly = true)
    PageView<RegistrationView> list(String eventId, PageQuery page) {
        events.require(eventId);
        List<RegistrationView> items = ArrivalPage.of(sql, eventId, page).stream()
                .map(row -> view(row.registration(), true, null, row.waitlistPosition()))
                .toList();
        return new PageView<>(items, page.pageOrFirst(), page.sizeOrDefault(), registrations.countByEventId(eventId));
    }

    /** Through the RSVP's signed link ({@code token}), or for the organisers of the event's group and admins; else 404. */
    public Optional<RegistrationView> find(String eventId, String registrationId, @Nullable String token,
                                           Optional<Caller> caller) {
        reach(eventId, registrationId, token, caller);
        return find(eventId, registrationId);
    }

    @Transactional(readOnly = true)
    Optional<RegistrationView> find(String eventId, String registrationId) {
        return registrations.findByIdAndEventId(registrationId, eventId).map(this::view);
    }

    private GroupAccess.Holder reach(String eventId, String registrationId, @Nullable String token, Optional<Caller> caller) {
        return access.requireLinkOrOrganiser(SignedLinks.MANAGE_REGISTRATION, "registration", registrationId, token,
                eventId, caller);
    }

    private void checkOpen(Event event, Instant now) {
        switch (event.rsvpWindow(now)) {
            case OPEN -> {
            }
            case NOT_PUBLISHED -> throw new Conflict("event-not-open", "The event does not take RSVPs",
                    "RSVPs are taken by published events only; this one is " + event.status());
            case STARTED -> throw new Conflict("event-started", "The event has started", "RSVPs close when the event starts");
            case NOT_YET_OPEN -> throw new RuleViolation("rsvp-not-open-yet", "RSVPs are not open yet",
                    "RSVPs open at " + event.rsvpOpensAt());
            case CLOSED -> throw new Conflict("rsvp-closed", "RSVPs are closed", "RSVPs closed at " + event.rsvpClosesAt());
        }
    }

    private RegistrationView view(Registration registration) {
        return view(registration, true, null);
    }

    private RegistrationView viewWithLink(Registration registration) {
        return view(registration, true, waitlist.manageUrl(registration));
    }

    private RegistrationView anonymousView(Registration registration) {
        return view(registration, false, null);
    }

    private RegistrationView view(Registration registration, boolean withPerson, String manageUrl) {
        Integer position = registration.status() == RegistrationStatus.WAITLISTED
                ? registrations.waitlistPosition(registration.eventId(), registration.id()) : null;
        return view(registration, withPerson, manageUrl, position);
    }

    private static RegistrationView view(Registration registration, boolean withPerson, String manageUrl, Integer position) {
        return new RegistrationView(registration.id(), registration.eventId(), withPerson ? registration.name() : null,
                withPerson ? registration.email() : null, registration.status(), position, registration.createdAt(),
                registration.promotedAt(), registration.cancelledAt(), manageUrl);
    }

    public record RsvpResult(RegistrationView registration, boolean created) {
    }
}
