package dev.podium.events.agenda;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Tag(name = "agenda")
@Controller("/events/{eventId}/agenda")
@ExecuteOn(TaskExecutors.BLOCKING)
class AgendaController {

    private final AgendaService agenda;

    AgendaController(AgendaService agenda) {
        this.agenda = agenda;
    }

    @Operation(summary = "Replace the agenda: slots inside the event, no overlap within a track")
    @Put
    AgendaView replace(String eventId, @Body @Valid AgendaRequest request) {
        return agenda.replace(eventId, request);
    }

    @Get
    AgendaView get(String eventId) {
        return agenda.get(eventId);
    }
}
