package dev.podium.notifications.unsubscribe;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

/**
 * Looks opt-outs up (addresses compare case-insensitively: the column's collation ignores case).
 * {@link Unsubscriptions#unsubscribe} records them with {@code INSERT IGNORE} on Sql: a second click
 * on the same link, even at the same moment, inserts nothing and publishes nothing, where a save
 * would fail on the primary key.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface UnsubscriptionRepository extends GenericRepository<Unsubscription, Unsubscription.Key> {

    List<Unsubscription> findByKeyEmailInAndKeyScopeIn(Collection<String> emails, Collection<String> scopes);

    boolean existsByKeyEmailAndKeyScopeIn(String email, Collection<String> scopes);
}
