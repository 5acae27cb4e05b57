package dev.podium.events.group;

import dev.podium.contracts.events.MembershipSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

@Serdeable
public record MemberView(String id, String groupSlug, String name, String email, MembershipSource source,
                         MemberStatus status, Instant joinedAt, @Nullable Instant confirmedAt, @Nullable Instant leftAt) {

    static MemberView of(Member member, String groupSlug) {
        return new MemberView(member.id(), groupSlug, member.name(), member.email(), member.source(), member.status(),
                member.joinedAt(), member.confirmedAt(), member.leftAt());
    }
}
