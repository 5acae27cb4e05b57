package dev.podium.events.registration;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RegistrationRepository extends CrudRepository<Registration, String> {

    long countByEventIdAndStatus(String eventId, RegistrationStatus status);

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

    List<Registration> findByEmail(String email);

    @Query("""
            SELECT id, event_id, name, email, status, created_at, promoted_at, cancelled_at FROM registration
            WHERE event_id = :eventId AND status = 'WAITLISTED' ORDER BY seq LIMIT :limit""")
    List<Registration> findOldestWaitlisted(String eventId, int limit);

    @Query("""
            SELECT id, event_id, name, email, status, created_at, promoted_at, cancelled_at FROM registration
            WHERE event_id = :eventId ORDER BY seq""")
    List<Registration> findByEventInArrivalOrder(String eventId);

    @Query("""
            SELECT COUNT(*) FROM registration w
            WHERE w.event_id = :eventId AND w.status = 'WAITLISTED'
              AND w.seq <= (SELECT r.seq FROM registration r WHERE r.id = :registrationId)""")
    int waitlistPosition(String eventId, String registrationId);
}
