package dev.podium.events.registration;

import dev.podium.contracts.events.CancelledBy;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Optional;

@Tag(name = "registrations")
@Controller("/events/{eventId}/registrations")
@ExecuteOn(TaskExecutors.BLOCKING)
class RegistrationController {

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @Operation(summary = "RSVP: 201 CONFIRMED while seats remain, else WAITLISTED; 200 with the existing RSVP if the address has one")
    @Post
    HttpResponse<RegistrationView> register(String eventId, @Body @Valid RegistrationRequest request) {
        RegistrationService.RsvpResult result = registrations.register(eventId, request);
        if (!result.created()) {
            return HttpResponse.ok(result.registration());
        }
        return HttpResponse.created(result.registration(),
                URI.create("/events/" + eventId + "/registrations/" + result.registration().id()));
    }

    @Get
    List<RegistrationView> list(String eventId) {
        return registrations.list(eventId);
    }

    @Get("/{registrationId}")
    Optional<RegistrationView> get(String eventId, String registrationId) {
        return registrations.find(eventId, registrationId);
    }

    @Operation(summary = "Cancel an RSVP; a freed seat goes to the oldest waitlisted RSVP")
    @Delete("/{registrationId}")
    RegistrationView cancel(String eventId, String registrationId) {
        return registrations.cancel(eventId, registrationId, CancelledBy.ATTENDEE);
    }
}
