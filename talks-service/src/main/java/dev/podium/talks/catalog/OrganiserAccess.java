package dev.podium.talks.catalog;

import dev.podium.security.Caller;
import dev.podium.security.Forbidden;
import jakarta.inject.Singleton;

/**
 * Whether the caller organises a group, from the read model's {@code group_organiser} (kept from
 * GroupCreated and OrganiserAdded): the same sub, or, for a co-organiser added by email before they
 * had an account, the same verified email. Admin always passes.
 */
@Singleton
public class OrganiserAccess {

    private final Catalog catalog;

    OrganiserAccess(Catalog catalog) {
        this.catalog = catalog;
    }

    public boolean organises(String groupId, Caller caller) {
        return caller.admin() || catalog.organiserRefsOf(groupId).stream().anyMatch(o -> caller.is(o.sub(), o.email()));
    }

    /**
     * For actions on something public (an event's call for papers, its review board): 403 unless the
     * caller organises {@code groupId}.
     */
    public void requireOrganiserOf(String groupId, Caller caller) {
        if (!organises(groupId, caller)) {
            throw new Forbidden();
        }
    }

    /** How reviews and decisions name who acted, for the other organisers: the email, else the sub. */
    public static String label(Caller caller) {
        return caller.email() != null ? caller.email() : caller.sub();
    }
}
