package dev.podium.contracts.notifications;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.contracts.PodiumMessage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * An attendee answered an invitation from their calendar: an iTIP REPLY, read from the organizer
 * mailbox, whose UID verified as the one Podium issued for this event to this address. Keyed by the
 * event, so one event's answers stay in order (a "Yes" then a "No" act in that order).
 *
 * @param replyId the recorded reply (one per email, by its Message-ID)
 * @param name    the ATTENDEE's CN; null when the calendar sent none
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CalendarReplyReceived(
        String replyId,
        String eventId,
        String email,
        @Nullable String name,
        CalendarAnswer answer,
        Instant receivedAt) implements PodiumMessage {

    @Override
    public String subject() {
        return eventId;
    }
}
