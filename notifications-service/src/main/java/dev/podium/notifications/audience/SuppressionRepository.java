package dev.podium.notifications.audience;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

/**
 * Looks suppressions up by the address's SHA-256. They are written by the email channel with an
 * {@code INSERT IGNORE … SELECT} from the delivery row, and blanked by an erasure, both on Sql.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface SuppressionRepository extends GenericRepository<Suppression, String> {

    boolean existsByEmailSha256(String emailSha256);

    List<Suppression> findByEmailSha256In(Collection<String> emailSha256s);
}
