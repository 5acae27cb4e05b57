package dev.podium.talks.materials;

import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller("/submissions/{id}/materials")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Materials", description = "Slides, video, code and references of accepted talks")
class MaterialsController {

    private final MaterialsService materials;

    MaterialsController(MaterialsService materials) {
        this.materials = materials;
    }

    @Put
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Publish (or replace) a talk's materials",
            description = "The primary speaker or admin, any time after acceptance (409 not-accepted before); "
                    + "publishes TalkMaterialsPublished")
    MaterialsView put(@PathVariable String id, @Body @Valid MaterialsRequest request, @Nullable Authentication authentication) {
        return materials.put(id, request, Caller.required(authentication));
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "A talk's materials",
            description = "Public while the talk is accepted or confirmed; otherwise 404 except for those who may see the submission")
    MaterialsView get(@PathVariable String id, @Nullable Authentication authentication) {
        return materials.get(id, Caller.of(authentication));
    }
}
