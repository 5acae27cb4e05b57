package dev.podium.notifications.audience;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/**
 * Reads organisers. {@link AudienceUpdates} writes them with an upsert on Sql (a sub, once known, is
 * kept); an erasure deletes them with the person's other rows.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface GroupOrganiserRepository extends GenericRepository<GroupOrganiser, GroupOrganiser.Key> {

    /** The group's organisers, by address. */
    List<GroupOrganiser> findByKeyGroupIdOrderByKeyEmail(String groupId);

    /** The rows that may name this person: recorded with their account, or with their address. */
    List<GroupOrganiser> findBySubOrKeyEmail(String sub, String email);
}
