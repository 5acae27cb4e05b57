package dev.podium.notifications.notification;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/**
 * Reads notifications. New ones are written by {@link Notifications#record} with {@code INSERT IGNORE}
 * (a trigger key already taken, by a redelivered message or another replica, inserts nothing and
 * fails nothing), which a repository's save does not express: it has no save here.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface NotificationRepository extends GenericRepository<Notification, String> {

    Optional<Notification> findById(String id);

    boolean existsByTriggerKey(String triggerKey);
}
