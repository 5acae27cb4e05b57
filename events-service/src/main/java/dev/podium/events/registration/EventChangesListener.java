package dev.podium.events.registration;

import dev.podium.contracts.events.ChangeKind;
import dev.podium.events.event.EventChanged;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * What RSVPs follow of an event's changes: a raised capacity frees seats, which the oldest waitlisted
 * RSVPs take, in the transaction that raised it (it holds the event's row lock, as {@link Waitlist}
 * requires), so that their RegistrationPromoted messages precede the EventUpdated one.
 */
@Singleton
class EventChangesListener {

    private final Waitlist waitlist;

    EventChangesListener(Waitlist waitlist) {
        this.waitlist = waitlist;
    }

    @EventListener
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void onEventChanged(EventChanged changed) {
        if (changed.changed(ChangeKind.CAPACITY)) {
            waitlist.fillFreeSeats(changed.after());
        }
    }
}
