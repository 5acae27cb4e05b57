package dev.podium.events.quota;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

@JdbcRepository(dialect = Dialect.MYSQL)
interface GroupQuotaRepository extends CrudRepository<GroupQuota, String> {

    /** One statement, so that two admins setting a group's quota at once both succeed (the last one wins). */
    @Query("""
            INSERT INTO group_quota (group_id, imported_members_per_day, announcements_per_day, set_by_sub, updated_at)
            VALUES (:groupId, :importedMembersPerDay, :announcementsPerDay, :setBySub, :updatedAt)
            ON DUPLICATE KEY UPDATE imported_members_per_day = VALUES(imported_members_per_day),
                announcements_per_day = VALUES(announcements_per_day), set_by_sub = VALUES(set_by_sub),
                updated_at = VALUES(updated_at)""")
    void upsert(String groupId, @Nullable Integer importedMembersPerDay, @Nullable Integer announcementsPerDay,
                String setBySub, Instant updatedAt);
}
