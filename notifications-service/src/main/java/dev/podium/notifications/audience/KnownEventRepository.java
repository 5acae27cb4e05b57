package dev.podium.notifications.audience;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/**
 * Reads known events and marks them announced. {@link KnownEvents#remember} writes each snapshot with
 * an upsert on Sql (insert or replace in one statement, keeping {@code announced}).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface KnownEventRepository extends GenericRepository<KnownEvent, String> {

    Optional<String> findSnapshotByEventId(String eventId);

    boolean existsByEventIdAndAnnounced(String eventId, boolean announced);

    void update(@Id String eventId, boolean announced);
}
