package dev.podium.talks.speaker;

import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/**
 * A speaker's profile, as stored.
 *
 * @param ownerSub the account that created it; null for a profile made before accounts existed (its
 *                 owner is whoever signs in with its verified email) and once its person was erased
 */
@MappedEntity("speaker")
public record Speaker(
        @Id String id,
        @Nullable String ownerSub,
        String name,
        @Nullable String email,
        @Nullable String affiliation,
        @Nullable @MappedProperty("position_title") String position,
        @Nullable String bio,
        @Nullable String siteUrl,
        @Nullable String githubUrl,
        @Nullable String slidesUrl,
        Instant createdAt,
        Instant updatedAt) {

    public boolean ownedBy(Caller caller) {
        return caller.is(ownerSub, email);
    }
}
