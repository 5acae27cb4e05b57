package dev.podium.notifications.access;

import dev.podium.notifications.audience.GroupOrganiserRepository;
import dev.podium.security.Caller;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may see which notifications and their recipients. A notification about an event belongs to
 * the organisers of the event's group (the creator and the co-organisers, as GroupCreated and
 * OrganiserAdded told this service); one about no event (a membership opt-in, a talk not on an
 * event) belongs to admins only: the opt-in goes to an address nobody has confirmed yet, and a
 * submission's audience is talks-service's to decide. Admins see everything.
 */
@Singleton
public class NotificationAccess {

    private final GroupOrganiserRepository organisers;

    NotificationAccess(GroupOrganiserRepository organisers) {
        this.organisers = organisers;
    }

    public NotificationScope scopeOf(Caller caller) {
        return caller.admin() ? NotificationScope.everything() : NotificationScope.eventsOf(organisedGroups(caller));
    }

    /** Whether this caller may manage what belongs to the group (its webhooks): its organisers and admins. */
    public boolean organisesOrAdmin(Caller caller, String groupId) {
        return caller.admin() || organisedGroups(caller).contains(groupId);
    }

    /**
     * The groups this caller organises: recorded with their sub, or, for an organiser added by
     * email before they had an account, with their verified email ({@link Caller#is}).
     */
    Set<String> organisedGroups(Caller caller) {
        return organisers.findBySubOrKeyEmail(caller.sub(), caller.email() == null ? "" : caller.email()).stream()
                .filter(organiser -> caller.is(organiser.sub(), organiser.key().email()))
                .map(organiser -> organiser.key().groupId())
                .collect(Collectors.toSet());
    }
}
