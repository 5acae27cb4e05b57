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

    @Query("SELECT DISTINCT group_id FROM organiser WHERE email = :email OR (:sub IS NOT NULL AND sub = :sub)")
    List<String> findGroupIdsOfPerson(String email, @io.micronaut.core.annotation.Nullable String sub);

    void deleteByEmail(String email);

    void deleteBySub(String sub);
}
