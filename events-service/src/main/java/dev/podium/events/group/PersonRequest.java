package dev.podium.events.group;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person named by a client: an organiser or a member. */
@Serdeable
public record PersonRequest(@NotBlank @Size(max = 200) String name,
                            @NotBlank @Email @Size(max = 254) String email) {
}
