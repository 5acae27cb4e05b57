package dev.podium.events.venue;

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

    private final VenueService venues;

    VenueController(VenueService venues) {
        this.venues = venues;
    }

    @Operation(summary = "Add a venue (organisers of any group, admins)")
    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<VenueView> create(@Body @Valid VenueRequest request, @Nullable Authentication authentication) {
        VenueView venue = venues.create(request, Caller.required(authentication));
        return HttpResponse.created(venue, URI.create("/venues/" + venue.id()));
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Optional<VenueView> get(String id) {
        return venues.find(id);
    }
}
