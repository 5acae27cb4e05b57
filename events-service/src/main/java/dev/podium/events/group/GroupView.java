package dev.podium.events.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

@Serdeable
public record GroupView(String id, String slug, String name, @Nullable String description, String timeZone,
                        String language, List<OrganiserView> organisers, long activeMembers, Instant createdAt) {

    @Serdeable
    /** {@code email} only for the group's organisers and admins. */
    public record OrganiserView(String id, String name, @Nullable String email) {
    }
}
