package dev.podium.events.event;

import dev.podium.api.PlainText;
import dev.podium.api.StorableTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;

/** Changes to an event; absent fields stay as they are. {@code venueToBeAnnounced: true} clears the venue. */
@Serdeable
public record EventPatch(@Nullable @Size(min = 1, max = 200) @PlainText String title,
                         @Nullable @Min(1) @Max(100_000) Integer number,
                         @Nullable @Size(max = 100_000) String description,
                         @Nullable @StorableTime LocalDateTime startsAt,
                         @Nullable @StorableTime LocalDateTime endsAt,
                         @Nullable @Size(max = 64) String timeZone,
                         @Nullable @Size(max = 36) String venueId,
                         @Nullable Boolean venueToBeAnnounced,
                         @Nullable @Min(1) @Max(1_000_000) Integer capacity,
                         @Nullable @StorableTime LocalDateTime rsvpOpensAt,
                         @Nullable @StorableTime LocalDateTime rsvpClosesAt) {
}
