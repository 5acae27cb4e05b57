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

    /** Locks the event row: RSVPs, cancellations and capacity changes of one event queue up here. */
    @Query("SELECT * FROM event WHERE id = :id FOR UPDATE")
    Optional<Event> findByIdForUpdate(String id);

    Page<Event> findByGroupIdAndStatusInAndStartsAtUtcGreaterThanEqualsOrderByStartsAtUtcAsc(
            String groupId, Collection<EventStatus> statuses, Instant from, Pageable pageable);

    Page<Event> findByGroupIdAndStatusInAndStartsAtUtcLessThanOrderByStartsAtUtcDesc(
            String groupId, Collection<EventStatus> statuses, Instant before, Pageable pageable);

    Page<Event> findByStatusInAndStartsAtUtcGreaterThanEqualsOrderByStartsAtUtcAsc(
            Collection<EventStatus> statuses, Instant from, Pageable pageable);

    Page<Event> findByStatusInAndStartsAtUtcLessThanOrderByStartsAtUtcDesc(
            Collection<EventStatus> statuses, Instant before, Pageable pageable);

    List<Event> findByGroupIdAndStatusInOrderByStartsAtUtcAsc(String groupId, Collection<EventStatus> statuses);

    /** Published events that have ended, locked so that one replica completes each of them once. */
    @Query("SELECT * FROM event WHERE status = 'PUBLISHED' AND ends_at_utc <= :now ORDER BY ends_at_utc LIMIT 100 FOR UPDATE SKIP LOCKED")
    List<Event> lockEndedEvents(Instant now);
}
