package dev.podium.events.group;

import dev.podium.api.PlainText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A person named by a client: a co-organiser or a member.
 *
 * @param sub a co-organiser's account ({@code sub}), when known; without it the co-organiser is
 *            recognised by their verified email. Ignored for members.
 */
@Serdeable
public record PersonRequest(@NotBlank @Size(max = 200) @PlainText String name,
                            @NotBlank @Email @Size(max = 254) String email,
                            @Nullable @Size(max = 255) String sub) {
}
