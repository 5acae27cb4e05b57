package dev.podium.events.venue;

import dev.podium.events.support.Ids;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

@Tag(name = "venues")
@Controller("/venues")
@ExecuteOn(TaskExecutors.BLOCKING)
class VenueController {

    private final VenueRepository venues;
    private final Clock clock;

    VenueController(VenueRepository venues, Clock clock) {
        this.venues = venues;
        this.clock = clock;
    }

    @Post
    HttpResponse<VenueView> create(@Body @Valid VenueRequest request) {
        Venue venue = venues.save(new Venue(Ids.newId(), request.name(), request.address(), request.city(),
                request.country(), request.capacity(), request.notes(), clock.instant()));
        return HttpResponse.created(VenueView.of(venue), URI.create("/venues/" + venue.id()));
    }

    @Get("/{id}")
    Optional<VenueView> get(String id) {
        return venues.findById(id).map(VenueView::of);
    }
}
