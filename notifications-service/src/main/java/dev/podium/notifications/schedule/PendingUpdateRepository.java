package dev.podium.notifications.schedule;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/**
 * Discards pending updates. {@link PendingUpdates} opens a window with {@code INSERT IGNORE} (the first
 * change of a window wins, and one that meets a window being sent waits for it, then opens the next)
 * and takes the due ones with {@code LIMIT … FOR UPDATE SKIP LOCKED}, both on Sql.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface PendingUpdateRepository extends GenericRepository<PendingUpdate, String> {

    void deleteByEventId(String eventId);
}
