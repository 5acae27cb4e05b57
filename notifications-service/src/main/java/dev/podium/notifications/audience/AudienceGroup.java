package dev.podium.notifications.audience;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A group as GroupCreated last described it; read as a {@link GroupInfo}. */
@MappedEntity("audience_group")
record AudienceGroup(@Id String groupId, String slug, String name, String language, String timeZone, Instant updatedAt) {

    GroupInfo info() {
        return new GroupInfo(groupId, slug, name, language, timeZone);
    }
}
