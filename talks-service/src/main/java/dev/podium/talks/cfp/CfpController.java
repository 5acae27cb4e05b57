package dev.podium.talks.cfp;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Calls for papers", description = "When an event or a group's open call takes submissions (public; set by organisers)")
class CfpController {

    private final CallsForPapers calls;

    CfpController(CallsForPapers calls) {
        this.calls = calls;
    }

    @Put("/events/{eventId}/cfp")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Open (or change) an event's call for papers",
            description = "Its group's organisers and admin; 404 for an unknown event, 409 event-cancelled, 422 invalid-cfp-window")
    CfpView putForEvent(@PathVariable String eventId, @Body @Valid CfpRequest request,
                        @Nullable Authentication authentication) {
        return calls.putForEvent(eventId, request, authentication);
    }

    @Get("/events/{eventId}/cfp")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "An event's call for papers")
    CfpView getForEvent(@PathVariable String eventId) {
        return calls.getForEvent(eventId);
    }

    @Put("/groups/{slug}/cfp")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Open (or change) a group's open call for papers",
            description = "Its organisers and admin; for talks not tied to an event yet")
    CfpView putForGroup(@PathVariable String slug, @Body @Valid CfpRequest request,
                        @Nullable Authentication authentication) {
        return calls.putForGroup(slug, request, authentication);
    }

    @Get("/groups/{slug}/cfp")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "A group's open call for papers")
    CfpView getForGroup(@PathVariable String slug) {
        return calls.getForGroup(slug);
    }
}
