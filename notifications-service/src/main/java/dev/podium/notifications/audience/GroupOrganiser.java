package dev.podium.notifications.audience;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * An organiser of a group, as GroupCreated and OrganiserAdded told this service: who gets the
 * organisers' emails, and who may see the group's notifications.
 *
 * @param sub the organiser's account, or null for one added by email before they had one
 */
@MappedEntity("group_organiser")
public record GroupOrganiser(@EmbeddedId Key key, @Nullable String name, @Nullable String sub) {

    /** The table's primary key: one row per group and (normalised) address. */
    @Embeddable
    public record Key(@MappedProperty("group_id") String groupId, @MappedProperty("email") String email) {
    }
}
