package dev.podium.events.group;

import dev.podium.contracts.events.MembershipSource;
import dev.podium.events.support.Ids;
import dev.podium.persistence.Sql;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An import's members written in bulk: a few statements per 500 people instead of a look-up and an
 * insert each. Who is already a member is decided by the unique key on (group, current address),
 * with the column's collation, as a join decides it: such a row is left as it is.
 */
@Singleton
class ImportedMembers {

    private static final int BATCH = 500;
    private static final String INSERT =
            "INSERT INTO member (id, group_id, name, email, source, status, joined_at, confirmed_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";
    /** A row whose address is already a current member of the group is no change. */
    private static final String KEEP_EXISTING = " ON DUPLICATE KEY UPDATE id = id";

    private final Sql sql;

    ImportedMembers(Sql sql) {
        this.sql = sql;
    }

    /** Adds the people who are not members yet, as active members; returns them, in the order given. */
    List<Member> addNew(String groupId, List<PersonRequest> people, Instant now) {
        List<Member> added = new ArrayList<>();
        for (int from = 0; from < people.size(); from += BATCH) {
            added.addAll(addBatch(groupId, people.subList(from, Math.min(people.size(), from + BATCH)), now));
        }
        return added;
    }

    private List<Member> addBatch(String groupId, List<PersonRequest> people, Instant now) {
        List<Member> candidates = people.stream()
                .map(person -> new Member(Ids.newId(), groupId, person.name(), person.email(), MembershipSource.IMPORTED,
                        MemberStatus.ACTIVE, now, now, null))
                .toList();
        List<Object> parameters = new ArrayList<>(candidates.size() * 8);
        for (Member member : candidates) {
            Collections.addAll(parameters, member.id(), member.groupId(), member.name(), member.email(), member.source(),
                    member.status(), member.joinedAt(), member.confirmedAt());
        }
        sql.update(INSERT + String.join(", ", Collections.nCopies(candidates.size(), ROW)) + KEEP_EXISTING,
                parameters.toArray());
        Set<String> inserted = new HashSet<>(sql.list(
                "SELECT id FROM member WHERE id IN (" + String.join(", ", Collections.nCopies(candidates.size(), "?")) + ")",
                row -> row.getString(1), candidates.stream().map(Member::id).toArray()));
        return candidates.stream().filter(member -> inserted.contains(member.id())).toList();
    }
}
