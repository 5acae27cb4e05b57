package dev.podium.events.group;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface MemberRepository extends CrudRepository<Member, String> {

    Optional<Member> findByIdAndGroupId(String id, String groupId);

    Optional<Member> findByGroupIdAndEmailAndStatusNotEqual(String groupId, String email, MemberStatus status);

    List<Member> findByEmailAndStatusNotEqual(String email, MemberStatus status);

    List<Member> findByEmail(String email);

    long countByGroupIdAndStatus(String groupId, MemberStatus status);
}
