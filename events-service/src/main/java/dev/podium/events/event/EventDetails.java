package dev.podium.events.event;

import dev.podium.contracts.events.AgendaSlotSnapshot;
import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an event's page shows beyond its API view: its group, its times with their offset, the start it
 * had before its latest move, its agenda with speakers and abstracts, and whether it takes RSVPs now.
 * Read by {@link EventService#details}, under the same visibility rules as the API's view.
 */
public record EventDetails(EventView view, String groupName, String groupLanguage, String groupUrl,
                           @Nullable OffsetDateTime start, @Nullable OffsetDateTime end,
                           @Nullable OffsetDateTime previousStart, List<AgendaSlotSnapshot> agenda,
                           Event.RsvpWindow rsvpWindow) {

    public boolean rescheduled() {
        return previousStart != null;
    }
}
