package dev.podium.events.venue;

import dev.podium.events.support.Ids;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** Adds venues and shows them; who may add one is the controller's check. */
@Singleton
class VenueService {

    private final VenueRepository venues;
    private final Clock clock;

    VenueService(VenueRepository venues, Clock clock) {
        this.venues = venues;
        this.clock = clock;
    }

    VenueView create(VenueRequest request) {
        Venue venue = venues.save(new Venue(Ids.newId(), request.name(), request.address(), request.city(),
                request.country(), request.capacity(), request.notes(), clock.instant()));
        return VenueView.of(venue);
    }

    Optional<VenueView> find(String id) {
        return venues.findById(id).map(VenueView::of);
    }
}
