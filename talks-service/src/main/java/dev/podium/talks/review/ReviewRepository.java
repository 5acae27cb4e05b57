package dev.podium.talks.review;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ReviewRepository extends CrudRepository<Review, String> {

    @Query("SELECT * FROM review WHERE submission_id = :submissionId ORDER BY created_at, reviewer")
    List<Review> findBySubmission(String submissionId);
}
