package dev.podium.events.group;

import dev.podium.contracts.events.MembershipSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A membership; {@code name} and {@code email} only for the member (through their link), organisers and admins. */
@Serdeable
public record MemberView(String id, String groupSlug, @Nullable String name, @Nullable String email, MembershipSource source,
                         MemberStatus status, Instant joinedAt, @Nullable Instant confirmedAt, @Nullable Instant leftAt) {

    static MemberView of(Member member, String groupSlug) {
        return new MemberView(member.id(), groupSlug, member.name(), member.email(), member.source(), member.status(),
                member.joinedAt(), member.confirmedAt(), member.leftAt());
    }

    /** What an anonymous join learns of a membership that already existed: not who it belongs to. */
    static MemberView withoutPerson(Member member, String groupSlug) {
        return new MemberView(member.id(), groupSlug, null, null, member.source(), member.status(),
                member.joinedAt(), member.confirmedAt(), member.leftAt());
    }
}
