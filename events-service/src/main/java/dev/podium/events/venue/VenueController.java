package dev.podium.events.venue;

import dev.podium.events.group.GroupAccess;
import dev.podium.events.support.Ids;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Venues belong to no group: one place hosts several communities' meetups, and an event may use any
 * venue. Organisers of any group (and admins) add them; a venue is never changed afterwards, and what
 * it says is public (events show it).
 */
@Tag(name = "venues")
@Controller("/venues")
@ExecuteOn(TaskExecutors.BLOCKING)
class VenueController {

    private final VenueRepository venues;
    private final GroupAccess access;
    private final Clock clock;

    VenueController(VenueRepository venues, GroupAccess access, Clock clock) {
        this.venues = venues;
        this.access = access;
        this.clock = clock;
    }

    @Operation(summary = "Add a venue (organisers of any group, admins)")
    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<VenueView> create(@Body @Valid VenueRequest request, @Nullable Authentication authentication) {
        if (!access.organisesAnyGroup(Caller.of(authentication))) {
            throw Caller.denied(authentication);
        }
        Venue venue = venues.save(new Venue(Ids.newId(), request.name(), request.address(), request.city(),
                request.country(), request.capacity(), request.notes(), clock.instant()));
        return HttpResponse.created(VenueView.of(venue), URI.create("/venues/" + venue.id()));
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Optional<VenueView> get(String id) {
        return venues.findById(id).map(VenueView::of);
    }
}
