package dev.podium.events.event;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import dev.podium.api.NotFound;
import dev.podium.events.support.FormInput;
import dev.podium.pages.PageLanguage;
import dev.podium.pages.PageRequests;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;

@Tag(name = "events")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class EventController {

    private final EventService events;

    EventController(EventService events) {
        this.events = events;
    }

    @Operation(summary = "Draft an event of a group (no date yet means \"Date TBA\"); organisers of the group, admins")
    @Post("/groups/{slug}/events")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<EventView> create(String slug, @Body @Valid EventRequest request, @Nullable Authentication authentication) {
        EventView event = events.createDraft(slug, request, Caller.required(authentication));
        return HttpResponse.created(event, URI.create("/events/" + event.id()));
    }

    @Operation(summary = "An event; a draft only for its group's organisers and admins (404 for anyone else)",
            description = "The same URL is the event's page for people: a request whose Accept names text/html gets it "
                    + "(the RSVP form posts to /events/{id}/rsvp); any other gets this JSON")
    // JSON or the page (PageRequests.wantsPage): a client that accepts only text/html gets the page, not a 406.
    @Get(value = "/events/{id}", produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> get(String id, HttpRequest<?> request, @Nullable Authentication authentication) {
        if (PageRequests.wantsPage(request)) {
            EventDetails details = events.details(id, Caller.of(authentication));
            PageLanguage.prefer(request, details.groupLanguage());
            return HttpResponse.ok(new ModelAndView<>("events/event", EventPage.model(details, request, FormInput.empty())))
                    .contentType(MediaType.TEXT_HTML_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        EventView event = events.find(id, Caller.of(authentication)).orElseThrow(() -> new NotFound("event", id));
        return HttpResponse.ok(event).contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    @Operation(summary = "Change an event; moving or rescheduling a published one raises its calendar sequence")
    @Patch("/events/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    EventView update(String id, @Body @Valid EventPatch patch, @Nullable Authentication authentication) {
        return events.update(id, patch, Caller.required(authentication));
    }

    @Operation(summary = "Publish a draft: members are told; without a date it is announced as \"date to be announced\"")
    @Post("/events/{id}/publish")
    @Consumes(MediaType.ALL) // no body to read: an HTML form or urllib sends an empty one as application/x-www-form-urlencoded
    @Secured(SecurityRule.IS_AUTHENTICATED)
    EventView publish(String id, @Nullable Authentication authentication) {
        return events.publish(id, Caller.required(authentication));
    }

    @Post("/events/{id}/cancel")
    @Consumes(MediaType.ALL) // the body (a reason) is optional: an empty one of any type is none
    @Secured(SecurityRule.IS_AUTHENTICATED)
    EventView cancel(String id, @Nullable @Body @Valid CancelRequest request, @Nullable Authentication authentication) {
        return events.cancel(id, request == null ? null : request.reason(), Caller.required(authentication));
    }

    @Operation(summary = "Draft the next event of a series: number + 1, same venue, weekday and local time")
    @Post("/events/{id}/next")
    @Consumes(MediaType.ALL) // no body to read: an HTML form or urllib sends an empty one as application/x-www-form-urlencoded
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<EventView> next(String id, @QueryValue(defaultValue = "4") @Min(1) @Max(52) int weeksLater,
                                 @Nullable Authentication authentication) {
        EventView next = events.draftNext(id, weeksLater, Caller.required(authentication));
        return HttpResponse.created(next, URI.create("/events/" + next.id()));
    }

    @Operation(summary = "Published, cancelled and completed events, upcoming (soonest first, then those whose date is "
            + "to be announced) or past (latest first); never drafts")
    @Get("/events")
    @Secured(SecurityRule.IS_ANONYMOUS)
    PageView<EventView> list(@Nullable @QueryValue String group,
                             @QueryValue(defaultValue = "upcoming") @Pattern(regexp = "upcoming|past") String when,
                             @Valid @RequestBean PageQuery page) {
        return events.list(group, when, page);
    }
}
