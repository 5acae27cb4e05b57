package dev.podium.events.agenda;

import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
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

    @Operation(summary = "Replace the agenda: slots inside the event, no overlap within a track (organisers of the group, admins)",
            description = "A slot's talkId names a talk talks-service accepted; 409 not-yet-known (with Retry-After) for one "
                    + "events-service has not heard of yet, after waiting for it briefly")
    @Put
    @Secured(SecurityRule.IS_AUTHENTICATED)
    AgendaView replace(String eventId, @Body @Valid AgendaRequest request, @Nullable Authentication authentication) {
        return agenda.replace(eventId, request, Caller.required(authentication));
    }

    @Operation(summary = "The agenda; a draft's only for its group's organisers and admins")
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    AgendaView get(String eventId, @Nullable Authentication authentication) {
        return agenda.get(eventId, Caller.of(authentication));
    }
}
