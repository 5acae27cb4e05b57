package dev.podium.notifications.unsubscribe;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/**
 * An opt-out ({@link Unsubscriptions}).
 *
 * @param unsubscriptionId what {@code MemberUnsubscribed} announced it as (column {@code id})
 */
@MappedEntity("unsubscription")
record Unsubscription(@EmbeddedId Key key, @MappedProperty("id") String unsubscriptionId, Instant unsubscribedAt) {

    /**
     * The table's primary key: one opt-out per address and scope.
     *
     * @param scope a group id, or {@value UnsubscribeTokens#ALL_GROUPS} for every group
     */
    @Embeddable
    record Key(@MappedProperty("email") String email, @MappedProperty("scope") String scope) {
    }
}
