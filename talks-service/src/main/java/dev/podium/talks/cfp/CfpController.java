package dev.podium.talks.cfp;

import dev.podium.security.Caller;
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

    private final CfpService calls;
    private final Targets targets;

    CfpController(CfpService calls, Targets targets) {
        this.calls = calls;
        this.targets = targets;
    }

    @Put("/events/{eventId}/cfp")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Open (or change) an event's call for papers",
            description = "Its group's organisers and admin; 409 not-yet-known (with Retry-After) for an event talks-service "
                    + "has not heard of yet, after waiting for it briefly; 409 event-cancelled, 422 invalid-cfp-window")
    CfpView putForEvent(@PathVariable String eventId, @Body @Valid CfpRequest request,
                        @Nullable Authentication authentication) {
        targets.awaitEvent(eventId);
        return calls.putForEvent(eventId, request, Caller.required(authentication));
    }

    @Get("/events/{eventId}/cfp")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "An event's call for papers",
            description = "409 not-yet-known (with Retry-After, at once) for an event talks-service has not heard of yet")
    CfpView getForEvent(@PathVariable String eventId) {
        return calls.getForEvent(eventId);
    }

    @Put("/groups/{slug}/cfp")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Open (or change) a group's open call for papers",
            description = "Its organisers and admin; for talks not tied to an event yet; 409 not-yet-known (with Retry-After) "
                    + "for a group talks-service has not heard of yet, after waiting for it briefly")
    CfpView putForGroup(@PathVariable String slug, @Body @Valid CfpRequest request,
                        @Nullable Authentication authentication) {
        targets.awaitGroup(slug);
        return calls.putForGroup(slug, request, Caller.required(authentication));
    }

    @Get("/groups/{slug}/cfp")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "A group's open call for papers")
    CfpView getForGroup(@PathVariable String slug) {
        return calls.getForGroup(slug);
    }
}
