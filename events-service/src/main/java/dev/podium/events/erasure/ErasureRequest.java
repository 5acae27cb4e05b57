package dev.podium.events.erasure;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record ErasureRequest(@NotBlank @Email @Size(max = 254) String email) {
}
