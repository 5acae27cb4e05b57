package dev.podium.talks.speaker;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SpeakerRepository extends CrudRepository<Speaker, String> {

    Optional<Speaker> findByEmail(String email);

    Optional<Speaker> findByOwnerSub(String ownerSub);

    List<Speaker> findByIdIn(Collection<String> ids);
}
