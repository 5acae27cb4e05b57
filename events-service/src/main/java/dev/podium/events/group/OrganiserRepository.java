package dev.podium.events.group;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OrganiserRepository extends CrudRepository<Organiser, String> {

    @Query("SELECT * FROM organiser WHERE group_id = :groupId ORDER BY position, added_at")
    List<Organiser> listed(String groupId);

    int countByGroupId(String groupId);

    boolean existsBySub(String sub);

    /** A co-organiser added by address, before they had an account (the collation ignores case). */
    boolean existsBySubIsNullAndEmail(String email);

    void deleteByEmail(String email);

    void deleteBySub(String sub);
}
