package dev.podium.events.venue;

import dev.podium.events.group.GroupAccess;
import dev.podium.events.support.Ids;
import dev.podium.security.Caller;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** Adds venues and shows them. */
@Singleton
class VenueService {

    private final VenueRepository venues;
    private final GroupAccess access;
    private final Clock clock;

    VenueService(VenueRepository venues, GroupAccess access, Clock clock) {
        this.venues = venues;
        this.access = access;
        this.clock = clock;
    }

    /** Organisers of any group and admins: 403 to anyone else. */
    VenueView create(VenueRequest request, Caller caller) {
        access.requireOrganiserOfAnyGroup(caller);
        Venue venue = venues.save(new Venue(Ids.newId(), request.name(), request.address(), request.city(),
                request.country(), request.capacity(), request.notes(), clock.instant()));
        return VenueView.of(venue);
    }

    Optional<VenueView> find(String id) {
        return venues.findById(id).map(VenueView::of);
    }
}
