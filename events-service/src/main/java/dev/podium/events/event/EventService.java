package dev.podium.events.event;

import dev.podium.api.Conflict;
import dev.podium.api.NotFound;
import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.api.RuleViolation;
import dev.podium.contracts.Causality;
import dev.podium.contracts.Streams;
import dev.podium.contracts.events.ChangeKind;
import dev.podium.contracts.events.EventCancelled;
import dev.podium.contracts.events.EventCreated;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.events.group.EventGroup;
import dev.podium.events.group.GroupService;
import dev.podium.events.quota.GroupQuotas;
import dev.podium.events.support.Ids;
import dev.podium.events.support.TimeZones;
import dev.podium.events.venue.Venue;
import dev.podium.events.venue.VenueRepository;
import dev.podium.events.venue.VenueView;
import dev.podium.messaging.causality.StreamVersions;
import dev.podium.messaging.outbox.Outbox;
import dev.podium.persistence.Sql;
import dev.podium.security.Caller;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Events of groups. A method that takes the {@link Caller} checks, through {@link EventAccess}, that the
 * caller may act before the transaction of the change opens, as a separate call into this bean (so
 * Micronaut's interceptor opens it): a change that starts by locking the event's row then reads what was
 * last committed, not a snapshot taken by the check's reads.
 */
@Singleton
public class EventService {

    private static final Set<EventStatus> LISTED = Set.of(EventStatus.PUBLISHED, EventStatus.CANCELLED, EventStatus.COMPLETED);

    private final EventRepository events;
    private final EventAccess access;
    private final GroupService groups;
    private final VenueRepository venues;
    private final EventSnapshots snapshots;
    private final ApplicationEventPublisher<EventChanged> publisher;
    private final Outbox outbox;
    private final StreamVersions versions;
    private final Sql sql;
    private final GroupQuotas quotas;
    private final AgendaSnapshots agenda;
    private final Clock clock;

    EventService(EventRepository events, EventAccess access, GroupService groups, VenueRepository venues,
                 EventSnapshots snapshots, ApplicationEventPublisher<EventChanged> publisher, Outbox outbox,
                 StreamVersions versions, Sql sql, GroupQuotas quotas, AgendaSnapshots agenda, Clock clock) {
        this.events = events;
        this.access = access;
        this.groups = groups;
        this.venues = venues;
        this.snapshots = snapshots;
        this.publisher = publisher;
        this.outbox = outbox;
        this.versions = versions;
        this.sql = sql;
        this.quotas = quotas;
        this.agenda = agenda;
        this.clock = clock;
    }

    /** Organisers of the group and admins: 404 for an unknown slug, else 403. */
    public EventView createDraft(String groupSlug, EventRequest request, Caller caller) {
        return createDraft(access.requireOrganiserOfGroup(groupSlug, caller).slug(), request);
    }

    @Transactional
    EventView createDraft(String groupSlug, EventRequest request) {
        EventGroup group = groups.require(groupSlug);
        String zoneId = request.timeZone() == null ? group.timeZone() : request.timeZone();
        ZoneId zone = TimeZones.parse(zoneId);
        EventTimes.Span span = EventTimes.of(request.startsAt(), request.endsAt(), zone);
        Venue venue = request.venueId() == null ? null : requireVenue(request.venueId());
        Integer capacity = request.capacity() != null ? request.capacity() : venue == null ? null : venue.capacity();
        Instant now = clock.instant();
        Event event = new Event(Ids.newId(), group.id(), request.number(), request.title(), request.description(),
                EventStatus.DRAFT, zoneId, span.start(), span.end(), request.venueId(), capacity,
                EventTimes.instant(request.rsvpOpensAt(), zone), EventTimes.instant(request.rsvpClosesAt(), zone),
                null, 0, now, now, null);
        checkRsvpWindow(event);
        events.save(event);
        outbox.append(new EventCreated(snapshots.snapshot(event)));
        return view(event);
    }

    /** A draft only for its group's organisers and admins: to anyone else 404, as an unknown id. */
    public Optional<EventView> find(String id, Optional<Caller> caller) {
        access.requireVisible(id, caller);
        return find(id);
    }

    @Transactional(readOnly = true)
    Optional<EventView> find(String id) {
        return events.findById(id).map(this::view);
    }

    /** What the event's page shows; a draft only for its group's organisers and admins, as {@link #find}. */
    public EventDetails details(String id, Optional<Caller> caller) {
        access.requireVisible(id, caller);
        return details(id);
    }

    @Transactional(readOnly = true)
    EventDetails details(String id) {
        Event event = require(id);
        EventGroup group = groups.requireById(event.groupId());
        return new EventDetails(view(event), group.name(), group.language(), snapshots.groupUrl(group.slug()),
                offset(event.startsAtUtc(), event.zone()), offset(event.endsAtUtc(), event.zone()),
                offset(event.previousStartsAtUtc(), event.zone()), agenda.of(event), event.rsvpWindow(clock.instant()));
    }

    private static OffsetDateTime offset(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    /** Organisers of the event's group and admins: 404 on a draft the caller may not see, else 403. */
    public EventView update(String id, EventPatch patch, Caller caller) {
        access.requireOrganiser(id, caller);
        return update(id, patch);
    }

    @Transactional
    EventView update(String id, EventPatch patch) {
        Event before = lockOpen(id);
        String zoneId = patch.timeZone() == null ? before.timeZone() : patch.timeZone();
        ZoneId zone = TimeZones.parse(zoneId);
        LocalDateTime start = patch.startsAt() != null ? patch.startsAt() : localIn(before.startsAtUtc(), zone);
        LocalDateTime end = patch.endsAt() != null ? patch.endsAt() : localIn(before.endsAtUtc(), zone);
        EventTimes.Span span = EventTimes.of(start, end, zone);
        String venueId = Boolean.TRUE.equals(patch.venueToBeAnnounced()) ? null
                : patch.venueId() != null ? requireVenue(patch.venueId()).id() : before.venueId();
        EventChanges changes = new EventChanges(
                patch.number() != null ? patch.number() : before.number(),
                patch.title() != null ? patch.title() : before.title(),
                patch.description() != null ? patch.description() : before.description(),
                zoneId, span.start(), span.end(), venueId,
                patch.capacity() != null ? patch.capacity() : before.capacity(),
                patch.rsvpOpensAt() != null ? EventTimes.instant(patch.rsvpOpensAt(), zone) : before.rsvpOpensAt(),
                patch.rsvpClosesAt() != null ? EventTimes.instant(patch.rsvpClosesAt(), zone) : before.rsvpClosesAt());
        List<ChangeKind> kinds = changes.comparedTo(before);
        if (kinds.isEmpty()) {
            return view(before);
        }
        if (before.status() == EventStatus.PUBLISHED && before.hasDate() && span.start() == null) {
            throw new RuleViolation("event-needs-date", "A published event keeps its date",
                    "Move it to another date, or cancel it; its date cannot go back to be announced");
        }
        Event after = before.withChanges(changes, clock.instant());
        checkRsvpWindow(after);
        EventSnapshot previous = snapshots.snapshot(before);
        events.update(after);
        // In this transaction: the agenda follows a move, the waitlist fills the seats a raised capacity frees.
        publisher.publishEvent(new EventChanged(before, after, kinds));
        announceUpdate(after, previous, kinds);
        return view(after);
    }

    /** Records an agenda change made by the agenda feature, for consumers of the event topic. */
    public void agendaChanged(Event event, EventSnapshot previous) {
        Event touched = events.update(new Event(event.id(), event.groupId(), event.number(), event.title(),
                event.description(), event.status(), event.timeZone(), event.startsAtUtc(), event.endsAtUtc(),
                event.venueId(), event.capacity(), event.rsvpOpensAt(), event.rsvpClosesAt(),
                event.cancellationReason(), event.sequence(), event.createdAt(), clock.instant(), event.previousStartsAtUtc()));
        announceUpdate(touched, previous, List.of(ChangeKind.AGENDA));
    }

    /** Organisers of the event's group and admins: 404 on a draft the caller may not see, else 403. */
    public EventView publish(String id, Caller caller) {
        access.requireOrganiser(id, caller);
        return publish(id);
    }

    @Transactional
    EventView publish(String id) {
        Event event = lock(id);
        if (event.status() != EventStatus.DRAFT) {
            throw new Conflict("not-a-draft", "Only a draft can be published", "The event is " + event.status());
        }
        // Without a date the event is announced as "date to be announced"; giving it one later is an update.
        Instant now = clock.instant();
        if (event.hasDate() && !event.endsAtUtc().isAfter(now)) {
            throw new RuleViolation("event-in-past", "The event is over", "Only an event that has not ended can be published");
        }
        quotas.announcing(event.groupId());
        Event published = events.update(event.withStatus(EventStatus.PUBLISHED, null, now));
        // The announcement goes to the members the group has now: consumers wait until they know them.
        outbox.append(new EventPublished(snapshots.snapshot(published), now),
                Causality.after(versions.current(Streams.groupMembers(published.groupId()))));
        return view(published);
    }

    /** Organisers of the event's group and admins: 404 on a draft the caller may not see, else 403. */
    public EventView cancel(String id, @Nullable String reason, Caller caller) {
        access.requireOrganiser(id, caller);
        return cancel(id, reason);
    }

    @Transactional
    EventView cancel(String id, @Nullable String reason) {
        Event event = lockOpen(id);
        Instant now = clock.instant();
        Event cancelled = events.update(event.withStatus(EventStatus.CANCELLED, reason, now));
        outbox.append(new EventCancelled(snapshots.snapshot(cancelled), reason, now), Causality.after(
                versions.current(Streams.groupMembers(cancelled.groupId())), versions.current(Streams.eventRegistrations(id))));
        return view(cancelled);
    }

    /**
     * Drafts the next event of a series: number + 1, same venue, same weekday and local time, weeks later.
     * Organisers of the event's group and admins: 404 on a draft the caller may not see, else 403.
     */
    public EventView draftNext(String id, int weeksLater, Caller caller) {
        access.requireOrganiser(id, caller);
        return draftNext(id, weeksLater);
    }

    @Transactional
    EventView draftNext(String id, int weeksLater) {
        Event event = events.findById(id).orElseThrow(() -> new NotFound("event", id));
        if (!event.hasDate()) {
            throw new RuleViolation("event-needs-date", "No date to count from", "Give this event a date first");
        }
        EventGroup group = groups.requireById(event.groupId());
        EventRequest next = new EventRequest(event.title().replace("#" + event.number(), "#" + nextNumber(event)),
                nextNumber(event), event.description(), event.localStart().plusWeeks(weeksLater),
                event.localEnd().plusWeeks(weeksLater), event.timeZone(), event.venueId(), event.capacity(), null, null);
        return createDraft(group.slug(), next);
    }

    @Transactional(readOnly = true)
    public PageView<EventView> list(@Nullable String groupSlug, String when, PageQuery query) {
        Instant now = clock.instant();
        Pageable pageable = Pageable.from(query.pageOrFirst(), query.sizeOrDefault());
        boolean past = "past".equals(when);
        Page<Event> page;
        if (groupSlug == null) {
            page = past ? events.findByStatusInAndStartsAtUtcLessThanOrderByStartsAtUtcDesc(LISTED, now, pageable)
                    : events.findUpcoming(now, pageable);
        } else {
            String groupId = groups.require(groupSlug).id();
            page = past ? events.findByGroupIdAndStatusInAndStartsAtUtcLessThanOrderByStartsAtUtcDesc(groupId, LISTED, now, pageable)
                    : events.findUpcomingOfGroup(groupId, now, pageable);
        }
        return new PageView<>(views(page.getContent()), query.pageOrFirst(), query.sizeOrDefault(), page.getTotalSize());
    }

    public Event require(String id) {
        return events.findById(id).orElseThrow(() -> new NotFound("event", id));
    }

    public Event lock(String id) {
        return events.findByIdForUpdate(id).orElseThrow(() -> new NotFound("event", id));
    }

    EventView view(Event event) {
        return views(List.of(event)).get(0);
    }

    /**
     * The views of a page of events in four queries (events' groups, venues and RSVP counts), not four
     * per event: the public listing is the busiest read.
     */
    private List<EventView> views(List<Event> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, EventGroup> groupsById = groups.findAllById(page.stream().map(Event::groupId).collect(Collectors.toSet()));
        Set<String> venueIds = page.stream().map(Event::venueId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, VenueView> venuesById = venueIds.isEmpty() ? Map.of() : venues.findByIdIn(venueIds).stream()
                .collect(Collectors.toMap(Venue::id, VenueView::of));
        SeatCounts seats = SeatCounts.of(sql, page.stream().map(Event::id).toList());
        return page.stream().map(event -> {
            EventGroup group = groupsById.get(event.groupId());
            if (group == null) {
                throw new NotFound("group", event.groupId());
            }
            return new EventView(event.id(), group.slug(), event.number(), event.title(), event.description(), event.status(),
                    event.localStart(), event.localEnd(), event.timeZone(),
                    event.venueId() == null ? null : venuesById.get(event.venueId()), event.capacity(),
                    seats.confirmed(event.id()), seats.waitlisted(event.id()),
                    localIn(event.rsvpOpensAt(), event.zone()), localIn(event.rsvpClosesAt(), event.zone()),
                    event.cancellationReason(), event.sequence(), snapshots.url(event));
        }).toList();
    }

    private void announceUpdate(Event after, EventSnapshot previous, List<ChangeKind> kinds) {
        outbox.append(new EventUpdated(snapshots.snapshot(after), previous, kinds, after.updatedAt()),
                Causality.after(versions.current(Streams.eventRegistrations(after.id()))));
    }

    private Event lockOpen(String id) {
        Event event = lock(id);
        if (event.status() == EventStatus.CANCELLED || event.status() == EventStatus.COMPLETED) {
            throw new Conflict("event-closed", "The event is closed", "The event is " + event.status() + " and can no longer change");
        }
        return event;
    }

    private Venue requireVenue(String venueId) {
        return venues.findById(venueId).orElseThrow(() -> new NotFound("venue", venueId));
    }

    private static void checkRsvpWindow(Event event) {
        if (event.rsvpOpensAt() != null && event.rsvpClosesAt() != null && !event.rsvpClosesAt().isAfter(event.rsvpOpensAt())) {
            throw new RuleViolation("rsvp-window", "RSVPs close before they open", "rsvpClosesAt must be after rsvpOpensAt");
        }
    }

    private static Integer nextNumber(Event event) {
        return event.number() == null ? null : event.number() + 1;
    }

    private static LocalDateTime localIn(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }
}
