package dev.podium.events.calendar;

import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * An event's agenda in the c3voc ("frab") schedule format read by schedule apps (Giggity,
 * EventFahrplan). The XML is served as its registered media type; apps do not look at it.
 */
@Tag(name = "calendars")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ScheduleController {

    static final String C3VOC_SCHEDULE_XML = "application/vnd.c3voc.schedule+xml; charset=utf-8";

    private final PublicEvents events;

    ScheduleController(PublicEvents events) {
        this.events = events;
    }

    @Operation(summary = "The event's agenda as c3voc schedule XML (schedule.xsd); a draft's only for its group's organisers")
    @Get(uri = "/events/{id}/schedule.xml", produces = C3VOC_SCHEDULE_XML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> xml(String id, @Nullable Authentication authentication) {
        return HttpResponse.ok(ScheduleXml.write(ScheduleExport.of(events.require(id, Caller.of(authentication)))))
                .contentType(C3VOC_SCHEDULE_XML);
    }

    @Operation(summary = "The event's agenda as c3voc schedule JSON (schedule.json); a draft's only for its group's organisers")
    @Get(uri = "/events/{id}/schedule.json", produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    C3vocSchedule.Document json(String id, @Nullable Authentication authentication) {
        return ScheduleExport.of(events.require(id, Caller.of(authentication)));
    }
}
