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
import dev.podium.api.NotFound;
import dev.podium.events.event.EventDetails;
import dev.podium.events.event.EventService;
import dev.podium.pages.PageLanguage;
import dev.podium.pages.PageRequests;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

@Tag(name = "registrations")
@Controller("/events/{eventId}/registrations")
@ExecuteOn(TaskExecutors.BLOCKING)
class RegistrationController {

    private final RegistrationService registrations;
    private final EventService events;

    RegistrationController(RegistrationService registrations, EventService events) {
        this.registrations = registrations;
        this.events = events;
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

    @Operation(summary = "One RSVP: through its signed link (?token=), or for the group's organisers and admins",
            description = "The signed link (manageUrl, emailed) is also the RSVP's page for people: a request whose Accept "
                    + "names text/html gets it, with a Cancel button that posts to …/cancellation; opening it changes nothing")
    // JSON or the page (PageRequests.wantsPage): a client that accepts only text/html gets the page, not a 406.
    @Get(value = "/{registrationId}", produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> get(String eventId, String registrationId, @Nullable @QueryValue String token, HttpRequest<?> request,
                        @Nullable Authentication authentication) {
        Optional<Caller> caller = Caller.of(authentication);
        RegistrationView registration = registrations.find(eventId, registrationId, token, caller)
                .orElseThrow(() -> new NotFound("registration", registrationId));
        if (!PageRequests.wantsPage(request)) {
            return HttpResponse.ok(registration).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        EventDetails details = events.details(eventId, caller);
        PageLanguage.prefer(request, details.groupLanguage());
        return HttpResponse.ok(new ModelAndView<>("registrations/manage", RegistrationPages.model(details, registration, token, request)))
                .contentType(MediaType.TEXT_HTML_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Operation(summary = "The Cancel button of an RSVP's page: cancels as DELETE does, then 303 back to the page, "
            + "which shows the RSVP cancelled")
    @Post(value = "/{registrationId}/cancellation", produces = MediaType.TEXT_HTML)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> cancelFromPage(String eventId, String registrationId, @Nullable @QueryValue String token,
                                   @Nullable @QueryValue String lang, @Nullable Authentication authentication) {
        registrations.cancel(eventId, registrationId, token, Caller.of(authentication));
        StringBuilder page = new StringBuilder("/events/" + eventId + "/registrations/" + registrationId);
        if (token != null) {
            page.append("?token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
        PageLanguage.parse(lang).ifPresent(language -> page.append(token == null ? '?' : '&').append("lang=").append(language.code()));
        return HttpResponse.seeOther(URI.create(page.toString()));
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
