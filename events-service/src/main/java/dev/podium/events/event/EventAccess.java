package dev.podium.events.event;

import dev.podium.api.NotFound;
import dev.podium.events.group.EventGroup;
import dev.podium.events.group.GroupAccess;
import dev.podium.persistence.Sql;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Events are public once published (and stay so when cancelled or completed). A draft exists only
 * for its group's organisers and admins: to anyone else it answers 404, as an unknown id does. Who may
 * see an event but not manage it is refused (403).
 */
@Singleton
public class EventAccess {

    private static final String IN_GROUP = """
            SELECT e.*, g.id AS g_id, g.slug AS g_slug, g.name AS g_name, g.description AS g_description,
                   g.time_zone AS g_time_zone, g.language AS g_language, g.created_at AS g_created_at
            FROM event e JOIN event_group g ON g.id = e.group_id WHERE e.id = ?""";

    private final EventRepository events;
    private final GroupAccess groups;
    private final Sql sql;
    private final JdbcOperations jdbc;

    EventAccess(EventRepository events, GroupAccess groups, Sql sql, JdbcOperations jdbc) {
        this.events = events;
        this.groups = groups;
        this.sql = sql;
        this.jdbc = jdbc;
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

    /** As {@link #requireVisible}, with the event's group, read in the same statement. */
    public EventInGroup requireVisibleInGroup(String eventId, Optional<Caller> caller) {
        EventInGroup found = sql.one(IN_GROUP, row -> new EventInGroup(jdbc.readEntity(row, Event.class),
                        jdbc.readEntity("g_", row, EventGroup.class)), eventId)
                .orElseThrow(() -> new NotFound("event", eventId));
        if (found.event().status() == EventStatus.DRAFT && !groups.organises(found.event().groupId(), caller)) {
            throw new NotFound("event", eventId);
        }
        return found;
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
