package dev.podium.events.event;

import dev.podium.api.NotFound;
import dev.podium.events.group.EventGroup;
import dev.podium.events.group.GroupAccess;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Events are public once published (and stay so when cancelled or completed). A draft exists only
 * for its group's organisers and admins: to anyone else it answers 404, as an unknown id does. Who may
 * see an event but not manage it is refused (403).
 */
@Singleton
public class EventAccess {

    private final EventRepository events;
    private final GroupAccess groups;

    EventAccess(EventRepository events, GroupAccess groups) {
        this.events = events;
        this.groups = groups;
    }

    /** The group, if the caller may draft its events: its organisers and admins (404 for an unknown slug, else 403). */
    public EventGroup requireOrganiserOfGroup(String groupSlug, Caller caller) {
        return groups.requireOrganiser(groupSlug, caller);
    }

    /** The event, if the caller may see it. */
    public Event requireVisible(String eventId, Optional<Caller> caller) {
        Event event = events.findById(eventId).orElseThrow(() -> new NotFound("event", eventId));
        if (event.status() == EventStatus.DRAFT && !groups.organises(event.groupId(), caller)) {
            throw new NotFound("event", eventId);
        }
        return event;
    }

    /** The event, if the caller organises its group: 404 for a draft they may not see, else 403. */
    public Event requireOrganiser(String eventId, Caller caller) {
        Event event = requireVisible(eventId, Optional.of(caller));
        groups.requireOrganiserOf(event.groupId(), caller);
        return event;
    }

    /**
     * A private record of the event (an RSVP) reached by its id: its signed link, or the organisers of the
     * event's group and admins, as {@link GroupAccess#requireLinkOrOrganiser} says.
     */
    public GroupAccess.Holder requireLinkOrOrganiser(String purpose, String resource, String recordId, @Nullable String token,
                                                     String eventId, Optional<Caller> caller) {
        return groups.requireLinkOrOrganiser(purpose, resource, recordId, token,
                () -> events.findById(eventId).orElseThrow(() -> new NotFound("event", eventId)).groupId(), caller);
    }
}
