package dev.podium.talks.materials;

import dev.podium.talks.support.WebUrl;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A talk's materials, replacing any given before. URLs must be absolute http(s) URLs. */
@Serdeable
public record MaterialsRequest(
        @Nullable @WebUrl String slidesUrl,
        @Nullable @WebUrl String videoUrl,
        @Nullable @WebUrl String codeUrl,
        @Nullable @Size(max = 100) List<@NotNull @Valid ReferenceRequest> references) {
}
