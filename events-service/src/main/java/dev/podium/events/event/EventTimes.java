package dev.podium.events.event;

import dev.podium.api.RuleViolation;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Turns the local times a client gives, in the event's zone, into instants, enforcing the rules on them. */
final class EventTimes {

    static final Duration LONGEST_EVENT = Duration.ofDays(31);

    private EventTimes() {
    }

    record Span(@Nullable Instant start, @Nullable Instant end) {
    }

    static Span of(@Nullable LocalDateTime start, @Nullable LocalDateTime end, ZoneId zone) {
        if (start == null && end == null) {
            return new Span(null, null);
        }
        if (start == null || end == null) {
            throw new RuleViolation("incomplete-dates", "Start and end go together",
                    "Give both startsAt and endsAt, or neither for a date to be announced");
        }
        Instant startInstant = instant(start, zone);
        Instant endInstant = instant(end, zone);
        if (!endInstant.isAfter(startInstant)) {
            throw new RuleViolation("ends-before-start", "Ends before it starts", "endsAt must be after startsAt");
        }
        if (Duration.between(startInstant, endInstant).compareTo(LONGEST_EVENT) > 0) {
            throw new RuleViolation("event-too-long", "Event too long", "An event lasts at most 31 days");
        }
        return new Span(startInstant, endInstant);
    }

    @Nullable
    static Instant instant(@Nullable LocalDateTime local, ZoneId zone) {
        return local == null ? null : local.atZone(zone).toInstant();
    }
}
