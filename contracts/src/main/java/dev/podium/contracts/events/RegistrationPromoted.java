package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.serde.annotation.Serdeable;

/** A seat freed up and a waitlisted attendee now holds it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistrationPromoted(RegistrationSnapshot registration, EventRef event) implements PodiumMessage {

    @Override
    public String subject() {
        return registration.registrationId();
    }
}
