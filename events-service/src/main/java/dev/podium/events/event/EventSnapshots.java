package dev.podium.events.event;

import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.VenueSnapshot;
import dev.podium.events.group.EventGroup;
import dev.podium.events.group.GroupRepository;
import dev.podium.events.venue.Venue;
import dev.podium.events.venue.VenueRepository;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Objects;

/** The state an event's messages carry, so consumers can act without calling back. */
@Singleton
public class EventSnapshots {

    private final GroupRepository groups;
    private final VenueRepository venues;
    private final AgendaSnapshots agenda;
    private final String publicUrl;

    EventSnapshots(GroupRepository groups, VenueRepository venues, AgendaSnapshots agenda,
                   @Value("${podium.events.public-url}") String publicUrl) {
        this.groups = groups;
        this.venues = venues;
        this.agenda = agenda;
        this.publicUrl = publicUrl;
    }

    public EventSnapshot snapshot(Event event) {
        EventGroup group = groups.findById(event.groupId()).orElseThrow();
        return new EventSnapshot(event.id(), group.id(), group.slug(), group.name(), group.language(), event.number(),
                event.title(), event.description(), event.status().name(), event.localStart(), event.localEnd(),
                event.timeZone(), event.startsAtUtc(), event.endsAtUtc(), venue(event), event.capacity(),
                event.sequence(), url(event), agenda.of(event));
    }

    public EventRef ref(Event event) {
        return ref(event, context(event));
    }

    /**
     * The event's group and venue as its messages carry them, read ahead so that a caller holding the
     * event's lock (an RSVP) does not also hold it through these reads.
     */
    public RefContext context(Event event) {
        return context(event, groups.findById(event.groupId()).orElseThrow());
    }

    /** The same, with the event's group already read. */
    public RefContext context(Event event, EventGroup group) {
        return new RefContext(group, event.venueId(), venue(event));
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

    public String groupUrl(String slug) {
        return publicUrl + "/groups/" + slug;
    }

    private VenueSnapshot venue(Event event) {
        if (event.venueId() == null) {
            return null;
        }
        Venue venue = venues.findById(event.venueId()).orElseThrow();
        return new VenueSnapshot(venue.id(), venue.name(), venue.address(), venue.city(), venue.country(), venue.notes());
    }
}
