package dev.podium.events.calendar;

import dev.podium.api.NotFound;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.events.event.EventAccess;
import dev.podium.events.event.Event;
import dev.podium.events.event.EventRepository;
import dev.podium.events.event.EventSnapshots;
import dev.podium.events.event.EventStatus;
import dev.podium.events.group.EventGroup;
import dev.podium.events.group.GroupService;
import dev.podium.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The events that calendars and schedules show: published, cancelled and completed ones (a draft only
 * to its group's organisers and admins), as the snapshots the event messages carry, so that exports
 * and messages agree.
 */
@Singleton
public class PublicEvents {

    static final Set<EventStatus> PUBLIC = Set.of(EventStatus.PUBLISHED, EventStatus.CANCELLED, EventStatus.COMPLETED);

    private final EventAccess access;
    private final EventRepository repository;
    private final GroupService groups;
    private final EventSnapshots snapshots;

    PublicEvents(EventAccess access, EventRepository repository, GroupService groups, EventSnapshots snapshots) {
        this.access = access;
        this.repository = repository;
        this.groups = groups;
        this.snapshots = snapshots;
    }

    /**
     * An event the caller may see, with a date; 404 for an unknown event, a draft of a group the caller
     * does not organise, or an event without a date.
     */
    @Transactional(readOnly = true)
    public EventSnapshot require(String eventId, Optional<Caller> caller) {
        Event event = access.requireVisible(eventId, caller);
        if (!event.hasDate()) {
            throw new NotFound("event", eventId);
        }
        return snapshots.snapshot(event);
    }

    /** A group's public events, soonest first; cancelled ones stay so that subscribed calendars remove them. */
    @Transactional(readOnly = true)
    public GroupEvents ofGroup(String slug) {
        EventGroup group = groups.require(slug);
        List<EventSnapshot> snapshotsOfGroup = repository.findByGroupIdAndStatusInOrderByStartsAtUtcAsc(group.id(), PUBLIC)
                .stream().map(snapshots::snapshot).toList();
        return new GroupEvents(group.name(), snapshotsOfGroup);
    }

    public record GroupEvents(String groupName, List<EventSnapshot> events) {
    }
}
