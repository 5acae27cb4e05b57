package dev.podium.talks.speaker;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller("/speakers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Speakers", description = "Speaker profiles")
class SpeakerController {

    private final SpeakerService speakers;

    SpeakerController(SpeakerService speakers) {
        this.speakers = speakers;
    }

    @Post
    @Operation(summary = "Create a speaker profile", description = "409 speaker-email-taken when the email already has a profile")
    HttpResponse<SpeakerView> create(@Body @Valid SpeakerRequest request) {
        SpeakerView speaker = speakers.create(request);
        return HttpResponse.created(speaker, UriBuilder.of("/speakers").path(speaker.id()).build());
    }

    @Get("/{id}")
    @Operation(summary = "A speaker profile")
    SpeakerView get(@PathVariable String id) {
        return speakers.get(id);
    }

    @Patch("/{id}")
    @Operation(summary = "Change a speaker profile", description = "Absent fields are kept; an empty string clears an optional field")
    SpeakerView update(@PathVariable String id, @Body @Valid SpeakerPatch patch) {
        return speakers.update(id, patch);
    }
}
