package dev.podium.talks.speaker;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/** A speaker's profile, as stored. */
@MappedEntity("speaker")
public record Speaker(
        @Id String id,
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
}
