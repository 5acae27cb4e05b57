package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.serde.annotation.Serdeable;

/** An attendee registered for a full event and was put on its waiting list. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistrationWaitlisted(RegistrationSnapshot registration, EventRef event) implements PodiumMessage {

    /** The event: one event's RSVPs are one stream ({@link dev.podium.contracts.Streams#eventRegistrations}), kept in order. */
    @Override
    public String subject() {
        return registration.eventId();
    }
}
