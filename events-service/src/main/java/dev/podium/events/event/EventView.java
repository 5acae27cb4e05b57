package dev.podium.events.event;

import dev.podium.events.venue.VenueView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDateTime;

/** An event as clients see it: local times in {@code timeZone}, and how full it is. */
@Serdeable
public record EventView(String id, String groupSlug, @Nullable Integer number, String title,
                        @Nullable String description, EventStatus status, @Nullable LocalDateTime startsAt,
                        @Nullable LocalDateTime endsAt, String timeZone, @Nullable VenueView venue,
                        @Nullable Integer capacity, long confirmed, long waitlisted,
                        @Nullable LocalDateTime rsvpOpensAt, @Nullable LocalDateTime rsvpClosesAt,
                        @Nullable String cancellationReason, int sequence, String url) {
}
