package dev.podium.events.event;

import dev.podium.contracts.events.AgendaSlotSnapshot;
import java.util.List;

/**
 * An event's agenda as its messages carry it. The agenda feature provides it: the event feature needs
 * it for its snapshots but does not depend on the agenda, which depends on events.
 */
public interface AgendaSnapshots {

    /** The event's slots in order, with the speakers and abstracts of the talks they place. */
    List<AgendaSlotSnapshot> of(Event event);
}
