package dev.podium.events.calendar;

import dev.podium.calendar.CalendarMethod;
import dev.podium.calendar.EventCalendar;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;

/** iCalendar (RFC 5545) files to download or subscribe to, rendered by the shared calendar module. */
@Tag(name = "calendars")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarController {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final PublicEvents events;
    private final Clock clock;

    CalendarController(PublicEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Operation(summary = "The event as an iCalendar file (METHOD:PUBLISH; a draft only for its group's organisers)")
    @Get(uri = "/events/{id}/calendar.ics", produces = TEXT_CALENDAR)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> event(String id, @Nullable Authentication authentication) {
        return calendar(EventCalendar.single(events.require(id, Caller.of(authentication)), CalendarMethod.PUBLISH, clock.instant()));
    }

    @Operation(summary = "A calendar feed of the group's published, cancelled (STATUS:CANCELLED) and completed events")
    @Get(uri = "/groups/{slug}/calendar.ics", produces = TEXT_CALENDAR)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> group(String slug) {
        PublicEvents.GroupEvents group = events.ofGroup(slug);
        return calendar(EventCalendar.feed(group.groupName(), group.events(), clock.instant()));
    }

    /** With its charset stated even when the client asked for plain text/calendar. */
    private static HttpResponse<String> calendar(String text) {
        return HttpResponse.ok(text).contentType(TEXT_CALENDAR);
    }
}
