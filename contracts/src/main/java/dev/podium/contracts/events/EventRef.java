package dev.podium.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The compact state of an event, carried by registration messages; fields as in {@link EventSnapshot}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventRef(
        String eventId,
        String groupId,
        String groupSlug,
        String groupName,
        String language,
        @Nullable Integer number,
        String title,
        String status,
        @Nullable LocalDateTime startsAt,
        @Nullable LocalDateTime endsAt,
        String timeZone,
        @Nullable Instant startsAtUtc,
        @Nullable Instant endsAtUtc,
        @Nullable VenueSnapshot venue,
        int sequence,
        @Nullable String url) {
}
