package dev.podium.events.event;

import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.Optional;

@Tag(name = "events")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class EventController {

    private final EventService events;

    EventController(EventService events) {
        this.events = events;
    }

    @Operation(summary = "Draft an event of a group (no date yet means \"Date TBA\")")
    @Post("/groups/{slug}/events")
    HttpResponse<EventView> create(String slug, @Body @Valid EventRequest request) {
        EventView event = events.createDraft(slug, request);
        return HttpResponse.created(event, URI.create("/events/" + event.id()));
    }

    @Get("/events/{id}")
    Optional<EventView> get(String id) {
        return events.find(id);
    }

    @Operation(summary = "Change an event; moving or rescheduling a published one raises its calendar sequence")
    @Patch("/events/{id}")
    EventView update(String id, @Body @Valid EventPatch patch) {
        return events.update(id, patch);
    }

    @Post("/events/{id}/publish")
    EventView publish(String id) {
        return events.publish(id);
    }

    @Post("/events/{id}/cancel")
    EventView cancel(String id, @Body @Valid CancelRequest request) {
        return events.cancel(id, request.reason());
    }

    @Operation(summary = "Draft the next event of a series: number + 1, same venue, weekday and local time")
    @Post("/events/{id}/next")
    HttpResponse<EventView> next(String id, @QueryValue(defaultValue = "4") @Min(1) @Max(52) int weeksLater) {
        EventView next = events.draftNext(id, weeksLater);
        return HttpResponse.created(next, URI.create("/events/" + next.id()));
    }

    @Operation(summary = "Published, cancelled and completed events, upcoming (soonest first) or past (latest first)")
    @Get("/events")
    PageView<EventView> list(@Nullable @QueryValue String group,
                             @QueryValue(defaultValue = "upcoming") @Pattern(regexp = "upcoming|past") String when,
                             @Valid @RequestBean PageQuery page) {
        return events.list(group, when, page);
    }
}
