package dev.podium.talks.speaker;

import dev.podium.api.PlainText;
import dev.podium.talks.support.CodePoints;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Changes to a speaker profile: an absent (or null) field is left as it is, an empty string clears
 * an optional field; {@code links}, when present, replaces all links. A new {@code email} must be
 * the owner's verified account email (an admin may set another).
 */
@Serdeable
public record SpeakerPatch(
        @Nullable @Pattern(regexp = ".*\\S.*", message = "must not be blank") @CodePoints(max = 200) @PlainText String name,
        @Nullable @Email @Size(min = 3, max = 320) String email,
        @Nullable @CodePoints(max = 300) String affiliation,
        @Nullable @CodePoints(max = 200) String position,
        @Nullable @CodePoints(max = 5000) String bio,
        @Nullable @Valid SpeakerLinks links) {
}
