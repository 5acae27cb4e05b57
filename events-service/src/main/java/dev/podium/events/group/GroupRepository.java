package dev.podium.events.group;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface GroupRepository extends CrudRepository<EventGroup, String> {

    Optional<EventGroup> findBySlug(String slug);
}
