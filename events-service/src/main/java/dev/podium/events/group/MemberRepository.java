package dev.podium.events.group;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface MemberRepository extends CrudRepository<Member, String> {

    Optional<Member> findByIdAndGroupId(String id, String groupId);

    /**
     * The membership, locked until the transaction ends. Every change reads the row this way before
     * writing it back whole: a plain read would see a version that a concurrent removal, opt-out or
     * erasure may replace before the write, which would then bring the erased person back.
     */
    @Query("""
            SELECT id, group_id, name, email, source, status, joined_at, confirmed_at, left_at FROM member
            WHERE id = :id AND group_id = :groupId FOR UPDATE""")
    Optional<Member> lock(String id, String groupId);

    /** The address's memberships, locked (see {@link #lock}). */
    @Query("""
            SELECT id, group_id, name, email, source, status, joined_at, confirmed_at, left_at FROM member
            WHERE email = :email ORDER BY id FOR UPDATE""")
    List<Member> lockByEmail(String email);

    Optional<Member> findByGroupIdAndEmailAndStatusNotEqual(String groupId, String email, MemberStatus status);

    long countByGroupIdAndStatus(String groupId, MemberStatus status);
}
