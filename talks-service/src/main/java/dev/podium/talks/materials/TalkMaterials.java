package dev.podium.talks.materials;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A talk's materials as stored; references as a JSON array of {title, url}. */
@MappedEntity("talk_materials")
public record TalkMaterials(
        @Id String submissionId,
        @Nullable String slidesUrl,
        @Nullable String videoUrl,
        @Nullable String codeUrl,
        String referencesJson,
        Instant publishedAt) {
}
