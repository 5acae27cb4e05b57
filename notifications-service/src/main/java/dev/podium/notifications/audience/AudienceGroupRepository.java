package dev.podium.notifications.audience;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** Reads groups; {@link AudienceUpdates} writes them with an upsert on Sql (a GroupCreated heard again replaces the row). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface AudienceGroupRepository extends GenericRepository<AudienceGroup, String> {

    Optional<AudienceGroup> findByGroupId(String groupId);

    Optional<AudienceGroup> findBySlug(String slug);
}
