package dev.podium.events.erasure;

import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The right to erasure: a person forgotten by every Podium service. */
@Tag(name = "erasure")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ErasureController {

    private final PersonErasure erasure;

    ErasureController(PersonErasure erasure) {
        this.erasure = erasure;
    }

    @Operation(summary = "Erase me: the caller's verified address, everywhere (memberships, RSVPs, organiser rows)")
    @Delete("/people/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> eraseMe(@Nullable Authentication authentication) {
        erasure.eraseCaller(Caller.required(authentication));
        return HttpResponse.noContent();
    }

    @Operation(summary = "Erase a person by address, everywhere (admins)")
    @Post("/erasures")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> erase(@Body @Valid ErasureRequest request, @Nullable Authentication authentication) {
        erasure.eraseAsAdmin(request.email(), Caller.required(authentication));
        return HttpResponse.noContent();
    }
}
