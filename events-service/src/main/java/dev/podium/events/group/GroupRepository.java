package dev.podium.events.group;

import java.util.Collection;
import java.util.List;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface GroupRepository extends CrudRepository<EventGroup, String> {

    List<EventGroup> findByIdIn(Collection<String> ids);

    Optional<EventGroup> findBySlug(String slug);
}
