package dev.podium.talks.invitation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface InvitationRepository extends CrudRepository<Invitation, String> {

    Optional<Invitation> findByIdForUpdate(String id);

    List<Invitation> findBySubmissionIdOrderByCreatedAt(String submissionId);

    /** Every invitation the submission sent, accepted, expired or pending. */
    long countBySubmissionId(String submissionId);
}
