package dev.podium.events.registration;

import dev.podium.persistence.Sql;

/**
 * An event's confirmed and waitlisted RSVPs, counted in one statement, through the (event, status) index.
 * Read by a transaction holding the event's lock, after it: every change of an RSVP's status takes that
 * lock first, so a new RSVP's waitlist position is one more than the waitlisted count.
 */
record Seats(long confirmed, long waitlisted) {

    static Seats of(Sql sql, String eventId) {
        return sql.one("""
                SELECT COUNT(CASE WHEN status = 'CONFIRMED' THEN 1 END), COUNT(CASE WHEN status = 'WAITLISTED' THEN 1 END)
                FROM registration WHERE event_id = ? AND status IN ('CONFIRMED', 'WAITLISTED')""",
                row -> new Seats(row.getLong(1), row.getLong(2)), eventId).orElseThrow();
    }

    boolean free(Integer capacity) {
        return capacity == null || confirmed < capacity;
    }
}
