package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The full state of an event, carried by every message on the events topic.
 * A draft may have no date yet.
 *
 * @param number     the event's number in its group's series, e.g. 13 for "Deep Learning Meetup #13"
 * @param status     DRAFT, PUBLISHED, CANCELLED or COMPLETED
 * @param startsAt   wall-clock start in {@code timeZone}
 * @param timeZone   IANA id, e.g. {@code Europe/Paris}
 * @param startsAtUtc {@code startsAt} in {@code timeZone}, as an instant
 * @param venue      null while the venue is to be announced
 * @param capacity   null for no limit
 * @param sequence   incremented on every change that attendees' calendars must pick up (iCalendar SEQUENCE)
 * @param url        the event's public page
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventSnapshot(
        String eventId,
        String groupId,
        String groupSlug,
        String groupName,
        String language,
        @Nullable Integer number,
        String title,
        @Nullable String description,
        String status,
        @Nullable LocalDateTime startsAt,
        @Nullable LocalDateTime endsAt,
        String timeZone,
        @Nullable Instant startsAtUtc,
        @Nullable Instant endsAtUtc,
        @Nullable VenueSnapshot venue,
        @Nullable Integer capacity,
        int sequence,
        @Nullable String url,
        List<AgendaSlotSnapshot> agenda) {

    public EventSnapshot {
        agenda = List.copyOf(Objects.requireNonNullElse(agenda, List.of()));
    }
}
