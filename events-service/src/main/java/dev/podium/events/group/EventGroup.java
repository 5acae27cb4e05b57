package dev.podium.events.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("event_group")
public record EventGroup(@Id String id, String slug, String name, @Nullable String description, String timeZone,
                         String language, Instant createdAt) {
}
