package dev.podium.events.event;

import dev.podium.contracts.events.AgendaSlotSnapshot;
import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.VenueSnapshot;
import dev.podium.events.agenda.AgendaSlot;
import dev.podium.events.agenda.AgendaSlotRepository;
import dev.podium.events.group.EventGroup;
import dev.podium.events.group.GroupRepository;
import dev.podium.events.talks.AcceptedTalk;
import dev.podium.events.talks.AcceptedTalkRepository;
import dev.podium.events.venue.Venue;
import dev.podium.events.venue.VenueRepository;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The state an event's messages carry, so consumers can act without calling back. */
@Singleton
public class EventSnapshots {

    private final GroupRepository groups;
    private final VenueRepository venues;
    private final AgendaSlotRepository slots;
    private final AcceptedTalkRepository talks;
    private final String publicUrl;

    EventSnapshots(GroupRepository groups, VenueRepository venues, AgendaSlotRepository slots,
                   AcceptedTalkRepository talks, @Value("${podium.events.public-url}") String publicUrl) {
        this.groups = groups;
        this.venues = venues;
        this.slots = slots;
        this.talks = talks;
        this.publicUrl = publicUrl;
    }

    public EventSnapshot snapshot(Event event) {
        EventGroup group = groups.findById(event.groupId()).orElseThrow();
        return new EventSnapshot(event.id(), group.id(), group.slug(), group.name(), group.language(), event.number(),
                event.title(), event.description(), event.status().name(), event.localStart(), event.localEnd(),
                event.timeZone(), event.startsAtUtc(), event.endsAtUtc(), venue(event), event.capacity(),
                event.sequence(), url(event), agenda(event));
    }

    public EventRef ref(Event event) {
        return ref(event, context(event));
    }

    /**
     * The event's group and venue as its messages carry them, read ahead so that a caller holding the
     * event's lock (an RSVP) does not also hold it through these reads.
     */
    public RefContext context(Event event) {
        return new RefContext(groups.findById(event.groupId()).orElseThrow(), event.venueId(), venue(event));
    }

    /** The reference from the (locked) event and a context read before; read again if the venue changed meanwhile. */
    public EventRef ref(Event event, RefContext context) {
        if (!Objects.equals(context.venueId(), event.venueId()) || !context.group().id().equals(event.groupId())) {
            return ref(event);
        }
        EventGroup group = context.group();
        return new EventRef(event.id(), group.id(), group.slug(), group.name(), group.language(), event.number(),
                event.title(), event.status().name(), event.localStart(), event.localEnd(), event.timeZone(),
                event.startsAtUtc(), event.endsAtUtc(), context.venue(), event.sequence(), url(event));
    }

    /** See {@link #context(Event)}. */
    public record RefContext(EventGroup group, String venueId, VenueSnapshot venue) {
    }

    public String url(Event event) {
        return publicUrl + "/events/" + event.id();
    }

    private VenueSnapshot venue(Event event) {
        if (event.venueId() == null) {
            return null;
        }
        Venue venue = venues.findById(event.venueId()).orElseThrow();
        return new VenueSnapshot(venue.id(), venue.name(), venue.address(), venue.city(), venue.country(), venue.notes());
    }

    private List<AgendaSlotSnapshot> agenda(Event event) {
        List<AgendaSlot> eventSlots = slots.findByEventIdOrderByPosition(event.id());
        List<String> talkIds = eventSlots.stream().map(AgendaSlot::talkId).filter(Objects::nonNull).toList();
        Map<String, AcceptedTalk> placed = talkIds.isEmpty() ? Map.of()
                : talks.findByTalkIdIn(talkIds).stream().collect(Collectors.toMap(AcceptedTalk::talkId, Function.identity()));
        return eventSlots.stream().map(slot -> {
            AcceptedTalk talk = slot.talkId() == null ? null : placed.get(slot.talkId());
            return new AgendaSlotSnapshot(slot.id(), LocalDateTime.ofInstant(slot.startsAtUtc(), event.zone()),
                    LocalDateTime.ofInstant(slot.endsAtUtc(), event.zone()), slot.track(), slot.room(),
                    slot.kind().name(), slot.title(), slot.talkId(), talk == null ? List.of() : talk.speakers(),
                    talk == null ? null : talk.abstractText());
        }).toList();
    }
}
