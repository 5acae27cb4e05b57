package dev.podium.events.registration;

import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.security.Caller;
import dev.podium.security.RateLimited;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
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

@Tag(name = "registrations")
@Controller("/events/{eventId}/registrations")
@ExecuteOn(TaskExecutors.BLOCKING)
class RegistrationController {

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @Operation(summary = "RSVP, no account needed: 201 CONFIRMED while seats remain, else WAITLISTED, with the signed manageUrl; "
            + "200 with the existing RSVP (without its owner or link) if the address has one")
    @Post
    @Secured(SecurityRule.IS_ANONYMOUS)
    @RateLimited("public-writes")
    HttpResponse<RegistrationView> register(String eventId, @Body @Valid RegistrationRequest request,
                                            @Nullable Authentication authentication) {
        RegistrationService.RsvpResult result = registrations.register(eventId, request, Caller.of(authentication));
        if (!result.created()) {
            return HttpResponse.ok(result.registration());
        }
        return HttpResponse.created(result.registration(),
                URI.create("/events/" + eventId + "/registrations/" + result.registration().id()));
    }

    @Operation(summary = "A page of the RSVPs in arrival order (page from 0, size 1 to 100, default 20), with attendees' "
            + "addresses and waitlist positions (organisers of the group, admins)")
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    PageView<RegistrationView> list(String eventId, @Valid @RequestBean PageQuery page, @Nullable Authentication authentication) {
        return registrations.list(eventId, page, Caller.required(authentication));
    }

    @Operation(summary = "One RSVP: through its signed link (?token=), or for the group's organisers and admins")
    @Get("/{registrationId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Optional<RegistrationView> get(String eventId, String registrationId, @Nullable @QueryValue String token,
                                   @Nullable Authentication authentication) {
        return registrations.find(eventId, registrationId, token, Caller.of(authentication));
    }

    @Operation(summary = "Cancel an RSVP and erase the attendee from it (signed link or organisers); "
            + "a freed seat goes to the oldest waitlisted RSVP")
    @Delete("/{registrationId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    RegistrationView cancel(String eventId, String registrationId, @Nullable @QueryValue String token,
                            @Nullable Authentication authentication) {
        return registrations.cancel(eventId, registrationId, token, Caller.of(authentication));
    }
}
