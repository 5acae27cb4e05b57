package dev.podium.events.registration;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RegistrationRepository extends CrudRepository<Registration, String> {

    Optional<Registration> findByIdAndEventId(String id, String eventId);

    /**
     * The address's current RSVP to the event, found through the unique key on (event, active address):
     * filtering on email would scan every RSVP of the event while its row is locked (the collation makes
     * the comparison case-insensitive either way).
     */
    @Query("""
            SELECT id, event_id, name, email, status, created_at, promoted_at, cancelled_at FROM registration
            WHERE event_id = :eventId AND active_email = :email""")
    Optional<Registration> findActive(String eventId, String email);

    /** The events the address has RSVPed to: only where to look, since the RSVPs may change until each event is locked. */
    @Query("SELECT DISTINCT event_id FROM registration WHERE email = :email")
    List<String> findEventIdsByEmail(String email);

    /**
     * The address's RSVPs to an event, as last committed and locked: callers hold the event's lock, and a
     * locking read, unlike a plain one, does not answer from the transaction's snapshot, which may
     * predate a promotion committed before the event's lock was granted.
     */
    @Query("""
            SELECT id, event_id, name, email, status, created_at, promoted_at, cancelled_at FROM registration
            WHERE event_id = :eventId AND email = :email ORDER BY seq FOR UPDATE""")
    List<Registration> lockOfPerson(String eventId, String email);

    /** Confirmed seats as last committed (a locking read, see {@link #lockOfPerson}); callers hold the event's lock. */
    @Query("SELECT COUNT(*) FROM registration WHERE event_id = :eventId AND status = 'CONFIRMED' FOR UPDATE")
    long countConfirmedLocked(String eventId);

    /** The oldest waitlisted RSVPs as last committed, locked; callers hold the event's lock. */
    @Query("""
            SELECT id, event_id, name, email, status, created_at, promoted_at, cancelled_at FROM registration
            WHERE event_id = :eventId AND status = 'WAITLISTED' ORDER BY seq LIMIT :limit FOR UPDATE""")
    List<Registration> findOldestWaitlisted(String eventId, int limit);

    long countByEventId(String eventId);

    @Query("""
            SELECT COUNT(*) FROM registration w
            WHERE w.event_id = :eventId AND w.status = 'WAITLISTED'
              AND w.seq <= (SELECT r.seq FROM registration r WHERE r.id = :registrationId)""")
    int waitlistPosition(String eventId, String registrationId);
}
