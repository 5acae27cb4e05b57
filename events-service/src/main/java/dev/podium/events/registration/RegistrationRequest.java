package dev.podium.events.registration;

import dev.podium.api.PlainText;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record RegistrationRequest(@NotBlank @Size(max = 200) @PlainText String name,
                                  @NotBlank @Email @Size(max = 254) String email) {
}
