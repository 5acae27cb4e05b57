package dev.podium.events.registration;

import dev.podium.contracts.events.CancelledBy;
import dev.podium.contracts.notifications.CalendarReplyReceived;
import dev.podium.events.event.Event;
import dev.podium.events.event.EventRepository;
import dev.podium.events.event.EventSnapshots;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An attendee's "Yes" or "No" from their calendar (verified by notifications-service): ACCEPTED takes an
 * RSVP as an HTTP RSVP does (confirmed or waitlisted, told by email through the outbox), DECLINED cancels
 * the address's active RSVP. An existing RSVP is left as it is; a "No" without one changes nothing; a
 * "Yes" while the event takes no RSVPs is logged and dropped, as the calendar cannot be answered.
 * Runs inside the inbox's transaction, after the event's row lock, as every RSVP change does.
 */
@Singleton
class CalendarAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarAnswers.class);
    private static final int MAX_NAME = 200;

    private final EventRepository events;
    private final RegistrationRepository registrations;
    private final RegistrationService service;
    private final EventSnapshots snapshots;
    private final Clock clock;

    CalendarAnswers(EventRepository events, RegistrationRepository registrations, RegistrationService service,
                    EventSnapshots snapshots, Clock clock) {
        this.events = events;
        this.registrations = registrations;
        this.service = service;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void apply(CalendarReplyReceived reply) {
        Optional<Event> locked = events.findByIdForUpdate(reply.eventId());
        if (locked.isEmpty()) {
            LOG.warn("Calendar reply {} names event {}, which does not exist: ignored", reply.replyId(), reply.eventId());
            return;
        }
        Event event = locked.get();
        Optional<Registration> existing = registrations.findActive(event.id(), reply.email());
        switch (reply.answer()) {
            case ACCEPTED -> {
                if (existing.isPresent()) {
                    return;
                }
                if (event.rsvpWindow(clock.instant()) != Event.RsvpWindow.OPEN) {
                    LOG.info("Calendar reply {} accepts event {}, which takes no RSVPs now ({}): ignored",
                            reply.replyId(), event.id(), event.rsvpWindow(clock.instant()));
                    return;
                }
                service.seat(event, nameOf(reply), reply.email(), clock.instant(), snapshots.ref(event));
            }
            case DECLINED -> existing.ifPresent(registration ->
                    service.cancel(event.id(), registration.id(), CancelledBy.ATTENDEE));
        }
    }

    /** The ATTENDEE's CN, else the address's local part. */
    static String nameOf(CalendarReplyReceived reply) {
        String name = reply.name() == null ? "" : reply.name().replaceAll("\\p{Cntrl}", " ").strip();
        if (name.isEmpty()) {
            name = reply.email().substring(0, Math.max(0, reply.email().indexOf('@')));
        }
        if (name.isEmpty()) {
            name = reply.email();
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }
}
