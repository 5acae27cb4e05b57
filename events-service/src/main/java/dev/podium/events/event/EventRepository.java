package dev.podium.events.event;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface EventRepository extends CrudRepository<Event, String> {

    /** Listed (never a draft) and not started yet, or with its date still to be announced. */
    String UPCOMING = "status IN ('PUBLISHED', 'CANCELLED', 'COMPLETED') AND (starts_at_utc >= :from OR starts_at_utc IS NULL)";
    String UPCOMING_ORDER = "starts_at_utc IS NULL, starts_at_utc, created_at, id";

    /** Locks the event row: RSVPs, cancellations and capacity changes of one event queue up here. */
    @Query("SELECT * FROM event WHERE id = :id FOR UPDATE")
    Optional<Event> findByIdForUpdate(String id);

    /**
     * A group's listed events (published, cancelled, completed) that have not started, soonest first,
     * then those whose date is to be announced, oldest first.
     */
    @Query(value = "SELECT * FROM event WHERE group_id = :groupId AND " + UPCOMING + " ORDER BY " + UPCOMING_ORDER,
            countQuery = "SELECT COUNT(*) FROM event WHERE group_id = :groupId AND " + UPCOMING)
    Page<Event> findUpcomingOfGroup(String groupId, Instant from, Pageable pageable);

    Page<Event> findByGroupIdAndStatusInAndStartsAtUtcLessThanOrderByStartsAtUtcDesc(
            String groupId, Collection<EventStatus> statuses, Instant before, Pageable pageable);

    /** Every group's listed events that have not started, then those whose date is to be announced. */
    @Query(value = "SELECT * FROM event WHERE " + UPCOMING + " ORDER BY " + UPCOMING_ORDER,
            countQuery = "SELECT COUNT(*) FROM event WHERE " + UPCOMING)
    Page<Event> findUpcoming(Instant from, Pageable pageable);

    Page<Event> findByStatusInAndStartsAtUtcLessThanOrderByStartsAtUtcDesc(
            Collection<EventStatus> statuses, Instant before, Pageable pageable);

    List<Event> findByGroupIdAndStatusInOrderByStartsAtUtcAsc(String groupId, Collection<EventStatus> statuses);

    /** Published events that have ended, locked so that one replica completes each of them once. */
    @Query("SELECT * FROM event WHERE status = 'PUBLISHED' AND ends_at_utc <= :now ORDER BY ends_at_utc LIMIT 100 FOR UPDATE SKIP LOCKED")
    List<Event> lockEndedEvents(Instant now);
}
