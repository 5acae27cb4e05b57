package dev.podium.notifications.schedule;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/**
 * Deletes reminders. {@link Reminders} schedules them with an upsert (a move of the event while the
 * due reminder is being sent waits for that send, then schedules the new one, where a read then a
 * write would lose it) and takes the due ones with {@code LIMIT … FOR UPDATE SKIP LOCKED}, both on Sql.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ReminderRepository extends GenericRepository<Reminder, String> {

    void deleteByEventId(String eventId);
}
