package dev.podium.events.quota;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A group's quotas as an admin set them; a null limit is the configured default. */
@MappedEntity("group_quota")
public record GroupQuota(@Id String groupId, @Nullable Integer importedMembersPerDay, @Nullable Integer announcementsPerDay,
                         String setBySub, Instant updatedAt) {
}
