package dev.podium.talks.submission;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SubmissionRepository extends CrudRepository<Submission, String> {

    /** Locks the row until the transaction ends, so state transitions never interleave. */
    Optional<Submission> findByIdForUpdate(String id);

    /** The submissions of an event with a decision staged and not yet released, locked. */
    @Query("""
            SELECT * FROM submission
            WHERE event_id = :eventId AND status = 'SUBMITTED' AND staged_decision IS NOT NULL AND released_at IS NULL
            ORDER BY submitted_at, id FOR UPDATE""")
    List<Submission> findUnreleasedOfEventForUpdate(String eventId);

    /** The submissions to a group's open call with a decision staged and not yet released, locked. */
    @Query("""
            SELECT * FROM submission
            WHERE group_id = :groupId AND event_id IS NULL AND status = 'SUBMITTED' AND staged_decision IS NOT NULL
              AND released_at IS NULL
            ORDER BY submitted_at, id FOR UPDATE""")
    List<Submission> findUnreleasedOfOpenCallForUpdate(String groupId);
}
