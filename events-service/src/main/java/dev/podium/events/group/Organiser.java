package dev.podium.events.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("organiser")
public record Organiser(@Id String id, String groupId, @Nullable String sub, String name, String email, Instant addedAt) {
}
