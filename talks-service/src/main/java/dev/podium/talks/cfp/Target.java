package dev.podium.talks.cfp;

import dev.podium.talks.catalog.KnownEvent;
import io.micronaut.core.annotation.Nullable;

/**
 * What talks are submitted to: an event, or a group's open call.
 *
 * @param id      the event id, or the group id for an open call
 * @param groupId the group owning the event or the open call
 * @param event   the event, null for an open call
 */
public record Target(Type type, String id, String groupId, @Nullable String groupSlug, @Nullable KnownEvent event) {

    public enum Type { EVENT, GROUP }

    public boolean isEvent() {
        return type == Type.EVENT;
    }

    public String describe() {
        return isEvent() ? "event " + id : "the open call of group " + groupSlug;
    }
}
