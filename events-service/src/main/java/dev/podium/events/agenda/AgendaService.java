package dev.podium.events.agenda;

import dev.podium.api.Conflict;
import dev.podium.api.RuleViolation;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.events.event.Event;
import dev.podium.events.event.EventAccess;
import dev.podium.events.event.EventService;
import dev.podium.events.event.EventSnapshots;
import dev.podium.events.event.EventStatus;
import dev.podium.events.support.Ids;
import dev.podium.events.talks.AcceptedTalk;
import dev.podium.events.talks.AcceptedTalkRepository;
import dev.podium.events.talks.AcceptedTalks;
import dev.podium.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Events' agendas. A method that takes the {@link Caller} checks, through {@link EventAccess}, that the
 * caller may act before any transaction opens, then calls this bean's {@code @Transactional} step (so
 * Micronaut's interceptor opens it).
 */
@Singleton
public class AgendaService {

    private final AgendaSlotRepository slots;
    private final AcceptedTalkRepository talks;
    private final AcceptedTalks acceptedTalks;
    private final EventService events;
    private final EventAccess access;
    private final EventSnapshots snapshots;

    AgendaService(AgendaSlotRepository slots, AcceptedTalkRepository talks, AcceptedTalks acceptedTalks, EventService events,
                  EventAccess access, EventSnapshots snapshots) {
        this.slots = slots;
        this.talks = talks;
        this.acceptedTalks = acceptedTalks;
        this.events = events;
        this.access = access;
        this.snapshots = snapshots;
    }

    /**
     * Organisers of the event's group and admins: 404 on a draft the caller may not see, else 403.
     * Then waits for the talks it places ({@link #awaitTalks}) and replaces the agenda.
     */
    public AgendaView replace(String eventId, AgendaRequest request, Caller caller) {
        access.requireOrganiser(eventId, caller);
        awaitTalks(request);
        return replace(eventId, request);
    }

    /** A draft's only for its group's organisers and admins: to anyone else 404, as an unknown event. */
    public AgendaView get(String eventId, Optional<Caller> caller) {
        access.requireVisible(eventId, caller);
        return get(eventId);
    }

    /**
     * Before {@link #replace(String, AgendaRequest)} and outside its transaction: waits briefly until the accepted-talk read
     * model holds every talk the agenda places (one accepted a moment ago is still on its way);
     * 409 not-yet-known with Retry-After if one is still missing.
     */
    private void awaitTalks(AgendaRequest request) {
        acceptedTalks.await(talkIds(request.slots()));
    }

    /** Replaces the whole agenda, after checking every rule; nothing changes if one fails. */
    @Transactional
    AgendaView replace(String eventId, AgendaRequest request) {
        Event event = events.lock(eventId);
        if (event.status() == EventStatus.CANCELLED || event.status() == EventStatus.COMPLETED) {
            throw new Conflict("event-closed", "The event is closed", "The agenda of a " + event.status() + " event is final");
        }
        if (!event.hasDate()) {
            throw new RuleViolation("event-needs-date", "The event has no date yet", "Give the event a date before its agenda");
        }
        List<AgendaRequest.SlotRequest> requested = request.slots();
        AgendaRules.check(IntStream.range(0, requested.size())
                .mapToObj(i -> new AgendaRules.TimedSlot(i, requested.get(i).startsAt().atZone(event.zone()).toInstant(),
                        requested.get(i).endsAt().atZone(event.zone()).toInstant(),
                        Objects.requireNonNullElse(requested.get(i).track(), "")))
                .toList(), event.startsAtUtc(), event.endsAtUtc());
        checkTalks(event, requested);

        EventSnapshot previous = snapshots.snapshot(event);
        Set<String> kept = slots.findByEventIdOrderByPosition(eventId).stream().map(AgendaSlot::id).collect(Collectors.toSet());
        slots.deleteByEventId(eventId);
        List<AgendaSlot> saved = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            AgendaRequest.SlotRequest slot = requested.get(i);
            String id = slot.id() != null && kept.contains(slot.id()) && used.add(slot.id()) ? slot.id() : Ids.newId();
            saved.add(new AgendaSlot(id, eventId, i, slot.startsAt().atZone(event.zone()).toInstant(),
                    slot.endsAt().atZone(event.zone()).toInstant(), slot.track(), slot.room(), slot.kind(),
                    slot.title(), slot.talkId()));
        }
        slots.saveAll(saved);
        events.agendaChanged(event, previous);
        return view(event);
    }

    @Transactional(readOnly = true)
    AgendaView get(String eventId) {
        return view(events.require(eventId));
    }

    private void checkTalks(Event event, List<AgendaRequest.SlotRequest> requested) {
        List<String> talkIds = talkIds(requested);
        if (talkIds.isEmpty()) {
            return;
        }
        Map<String, AcceptedTalk> known = talks.findByTalkIdIn(talkIds).stream()
                .collect(Collectors.toMap(AcceptedTalk::talkId, Function.identity()));
        for (String talkId : talkIds) {
            AcceptedTalk talk = known.get(talkId);
            if (talk == null) {
                // Withdrawn or rejected since awaitTalks saw it, or replace was called without awaitTalks.
                throw acceptedTalks.notYetKnown(talkId);
            }
            if (talk.eventId() != null && !talk.eventId().equals(event.id())) {
                throw new RuleViolation("talk-of-another-event", "Talk accepted for another event",
                        "Talk " + talkId + " was accepted for another event");
            }
        }
        if (talkIds.stream().distinct().count() != talkIds.size()) {
            throw new RuleViolation("talk-placed-twice", "Talk placed twice", "A talk can have one slot");
        }
    }

    private static List<String> talkIds(List<AgendaRequest.SlotRequest> requested) {
        return requested.stream().map(AgendaRequest.SlotRequest::talkId).filter(Objects::nonNull).toList();
    }

    private AgendaView view(Event event) {
        List<AgendaSlot> eventSlots = slots.findByEventIdOrderByPosition(event.id());
        List<String> talkIds = eventSlots.stream().map(AgendaSlot::talkId).filter(Objects::nonNull).toList();
        Map<String, AcceptedTalk> placed = talkIds.isEmpty() ? Map.of() : talks.findByTalkIdIn(talkIds).stream()
                .collect(Collectors.toMap(AcceptedTalk::talkId, Function.identity()));
        return new AgendaView(event.id(), event.timeZone(), eventSlots.stream().map(slot -> {
            LocalDateTime start = LocalDateTime.ofInstant(slot.startsAtUtc(), event.zone());
            AcceptedTalk talk = slot.talkId() == null ? null : placed.get(slot.talkId());
            return new AgendaView.Slot(slot.id(), start.toLocalDate(), start,
                    LocalDateTime.ofInstant(slot.endsAtUtc(), event.zone()), slot.track(), slot.room(),
                    slot.kind().name(), slot.title(), slot.talkId(),
                    talk == null ? List.of() : talk.speakers().stream().map(AgendaView.Speaker::of).toList());
        }).toList());
    }
}
