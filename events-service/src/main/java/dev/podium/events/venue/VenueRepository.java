package dev.podium.events.venue;

import java.util.Collection;
import java.util.List;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface VenueRepository extends CrudRepository<Venue, String> {

    List<Venue> findByIdIn(Collection<String> ids);
}
