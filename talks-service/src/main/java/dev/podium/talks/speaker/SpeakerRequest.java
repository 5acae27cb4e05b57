package dev.podium.talks.speaker;

import dev.podium.api.PlainText;
import dev.podium.talks.support.CodePoints;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new speaker profile, the caller's own. {@code email}, when given, must be the caller's verified
 * account email (the default); only an admin may give another.
 */
@Serdeable
public record SpeakerRequest(
        @NotBlank @CodePoints(max = 200) @PlainText String name,
        @Nullable @Email @Size(min = 3, max = 320) String email,
        @Nullable @CodePoints(max = 300) String affiliation,
        @Nullable @CodePoints(max = 200) String position,
        @Nullable @CodePoints(max = 5000) String bio,
        @Nullable @Valid SpeakerLinks links) {
}
