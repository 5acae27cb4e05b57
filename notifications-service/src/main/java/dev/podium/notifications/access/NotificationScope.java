package dev.podium.notifications.access;

import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/**
 * The notifications one caller may see: all of them (an admin), or those about the events of the
 * groups they organise.
 *
 * @param all      whether every notification is in scope
 * @param groupIds the groups whose events' notifications are in scope when not {@code all}
 */
public record NotificationScope(boolean all, Set<String> groupIds) {

    public NotificationScope {
        groupIds = Set.copyOf(groupIds);
    }

    public static NotificationScope everything() {
        return new NotificationScope(true, Set.of());
    }

    public static NotificationScope eventsOf(Set<String> groupIds) {
        return new NotificationScope(false, groupIds);
    }

    /** Whether a notification about this event of this group (either may be null) is in scope. */
    public boolean covers(@Nullable String eventId, @Nullable String groupId) {
        return all || (eventId != null && groupId != null && groupIds.contains(groupId));
    }
}
