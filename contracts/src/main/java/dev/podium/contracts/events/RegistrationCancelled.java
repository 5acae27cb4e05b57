package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.serde.annotation.Serdeable;

/** A registration was cancelled. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistrationCancelled(RegistrationSnapshot registration, EventRef event, CancelledBy cancelledBy) implements PodiumMessage {

    @Override
    public String subject() {
        return registration.registrationId();
    }
}
