package dev.podium.events.group;

import dev.podium.api.PlainText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

@Serdeable
public record GroupRequest(
        @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lower-case letters, digits and single dashes") String slug,
        @NotBlank @Size(max = 200) @PlainText String name,
        @Nullable @Size(max = 20_000) String description,
        @NotBlank @Size(max = 64) String timeZone,
        @NotBlank @Size(max = 16) @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "a language tag such as en or fr") String language,
        @Nullable @Size(max = 20) List<@Valid PersonRequest> organisers) {

    /** The co-organisers named besides the creator (who is the first organiser). */
    public List<PersonRequest> coOrganisers() {
        return organisers == null ? List.of() : organisers;
    }
}
