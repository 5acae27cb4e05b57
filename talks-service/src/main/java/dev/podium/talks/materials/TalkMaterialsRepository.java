package dev.podium.talks.materials;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface TalkMaterialsRepository extends CrudRepository<TalkMaterials, String> {

    List<TalkMaterials> findBySubmissionIdIn(Collection<String> submissionIds);
}
