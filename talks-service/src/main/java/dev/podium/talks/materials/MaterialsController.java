package dev.podium.talks.materials;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
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
    @Operation(summary = "Publish (or replace) a talk's materials",
            description = "Any time after acceptance (409 not-accepted before); publishes TalkMaterialsPublished")
    MaterialsView put(@PathVariable String id, @Body @Valid MaterialsRequest request) {
        return materials.put(id, request);
    }

    @Get
    @Operation(summary = "A talk's materials")
    MaterialsView get(@PathVariable String id) {
        return materials.get(id);
    }
}
