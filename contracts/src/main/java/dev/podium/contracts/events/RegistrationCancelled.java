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

    /** The event: one event's RSVPs are one stream ({@link dev.podium.contracts.Streams#eventRegistrations}), kept in order. */
    @Override
    public String subject() {
        return registration.eventId();
    }
}
