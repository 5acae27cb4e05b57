package dev.podium.events.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("organiser")
/** @param position where the group lists this organiser: 0 for the creator, then in the order they were added */
public record Organiser(@Id String id, String groupId, @Nullable String sub, String name, String email, int position, Instant addedAt) {
}
