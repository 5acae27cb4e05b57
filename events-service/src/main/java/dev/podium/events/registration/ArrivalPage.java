package dev.podium.events.registration;

import dev.podium.api.PageQuery;
import dev.podium.persistence.Sql;
import java.util.List;

/**
 * One page of an event's RSVPs in arrival order, each waitlisted one with its position in the
 * waitlist, in one query: a running count of the waitlisted RSVPs over the event's arrival order (a
 * window function, in MySQL 8 and MariaDB alike), then the page.
 */
final class ArrivalPage {

    private static final String QUERY = """
            SELECT id, event_id, name, email, status, created_at, promoted_at, cancelled_at, waitlist_position FROM (
              SELECT id, event_id, name, email, status, created_at, promoted_at, cancelled_at, seq,
                     CASE WHEN status = 'WAITLISTED'
                          THEN COUNT(CASE WHEN status = 'WAITLISTED' THEN 1 END) OVER (ORDER BY seq) END AS waitlist_position
              FROM registration WHERE event_id = ?) arrivals
            ORDER BY seq LIMIT ? OFFSET ?""";

    private ArrivalPage() {
    }

    record Row(Registration registration, Integer waitlistPosition) {
    }

    static List<Row> of(Sql sql, String eventId, PageQuery page) {
        return sql.list(QUERY, row -> {
            long counted = row.getLong("waitlist_position");
            Integer position = row.wasNull() ? null : Math.toIntExact(counted);
            return new Row(new Registration(row.getString("id"), row.getString("event_id"), row.getString("name"),
                    row.getString("email"), RegistrationStatus.valueOf(row.getString("status")), Sql.instant(row, "created_at"),
                    Sql.instant(row, "promoted_at"), Sql.instant(row, "cancelled_at")), position);
        }, eventId, page.sizeOrDefault(), page.offset());
    }
}
