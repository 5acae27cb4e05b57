package dev.podium.events.group;

import dev.podium.contracts.events.MembershipSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * Someone who receives a group's announcements. Pending until the emailed opt-in link is followed.
 * A removed or erased member keeps the row without name or address.
 */
@MappedEntity("member")
public record Member(@Id String id, String groupId, @Nullable String name, @Nullable String email, MembershipSource source,
                     MemberStatus status, Instant joinedAt, @Nullable Instant confirmedAt, @Nullable Instant leftAt) {

    public Member confirm(Instant at) {
        return new Member(id, groupId, name, email, source, MemberStatus.ACTIVE, joinedAt, at, leftAt);
    }

    public Member leave(Instant at) {
        return new Member(id, groupId, name, email, source, MemberStatus.LEFT, joinedAt, confirmedAt, at);
    }

    /** Left, and nothing left that names the person. */
    public Member erase(Instant at) {
        return new Member(id, groupId, null, null, source, MemberStatus.LEFT, joinedAt, confirmedAt,
                status == MemberStatus.LEFT ? leftAt : at);
    }
}
