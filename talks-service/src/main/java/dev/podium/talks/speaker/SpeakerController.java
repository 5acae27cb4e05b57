package dev.podium.talks.speaker;

import dev.podium.security.Caller;
import dev.podium.security.RateLimited;
import dev.podium.pages.PageLanguage;
import dev.podium.pages.PageRequests;
import dev.podium.talks.support.ChosenLanguage;
import dev.podium.talks.support.Negotiated;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller("/speakers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Speakers", description = "Speaker profiles")
class SpeakerController {

    private final SpeakerService speakers;
    private final SpeakerPages pages;

    SpeakerController(SpeakerService speakers, SpeakerPages pages) {
        this.speakers = speakers;
        this.pages = pages;
    }

    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @RateLimited("public-writes")
    @Operation(summary = "Create your speaker profile",
            description = "One per account (409 speaker-profile-exists); the email is your verified account email "
                    + "(422 unverified-email for another); 409 speaker-email-taken when the email already has a profile")
    HttpResponse<SpeakerView> create(@Body @Valid SpeakerRequest request, @Nullable Authentication authentication) {
        SpeakerView speaker = speakers.create(request, Caller.required(authentication));
        return HttpResponse.created(speaker, UriBuilder.of("/speakers").path(speaker.id()).build());
    }

    @Get(value = "/{id}", produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "A speaker profile",
            description = "Public; the email only for its owner and admin. A browser (Accept: text/html) gets the speaker's "
                    + "page instead: the profile and their talks in the archive, never an email address.")
    @ApiResponse(responseCode = "200", description = "The profile", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpeakerView.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string", description = "the speaker's page"))})
    HttpResponse<?> get(HttpRequest<?> request, @PathVariable String id, @Nullable Authentication authentication) {
        if (!PageRequests.wantsPage(request)) {
            return Negotiated.json(speakers.get(id, Caller.of(authentication)));
        }
        return Negotiated.page(HttpStatus.OK, SpeakerPages.VIEW,
                pages.page(speakers.publicProfile(id), ChosenLanguage.of(request), PageLanguage.of(request).locale()));
    }

    @Patch("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Change your speaker profile",
            description = "Its owner or admin (403 otherwise); absent fields are kept; an empty string clears an optional field")
    SpeakerView update(@PathVariable String id, @Body @Valid SpeakerPatch patch, @Nullable Authentication authentication) {
        return speakers.update(id, patch, Caller.required(authentication));
    }
}
