package dev.podium.events.event;

import dev.podium.persistence.Sql;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Confirmed and waitlisted RSVPs of several events, counted in one query. */
final class SeatCounts {

    private final Map<String, Long> confirmed = new HashMap<>();
    private final Map<String, Long> waitlisted = new HashMap<>();

    private SeatCounts() {
    }

    static SeatCounts of(Sql sql, List<String> eventIds) {
        SeatCounts counts = new SeatCounts();
        String placeholders = String.join(",", Collections.nCopies(eventIds.size(), "?"));
        sql.list("SELECT event_id, status, COUNT(*) FROM registration WHERE event_id IN (" + placeholders + ") "
                        + "AND status IN ('CONFIRMED', 'WAITLISTED') GROUP BY event_id, status",
                row -> new Count(row.getString(1), row.getString(2), row.getLong(3)), eventIds.toArray())
                .forEach(count -> ("CONFIRMED".equals(count.status()) ? counts.confirmed : counts.waitlisted)
                        .put(count.eventId(), count.total()));
        return counts;
    }

    private record Count(String eventId, String status, long total) {
    }

    long confirmed(String eventId) {
        return confirmed.getOrDefault(eventId, 0L);
    }

    long waitlisted(String eventId) {
        return waitlisted.getOrDefault(eventId, 0L);
    }
}
