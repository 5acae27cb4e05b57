package dev.podium.events.group;

import dev.podium.api.NotFound;
import dev.podium.events.links.SignedLinks;
import dev.podium.security.Forbidden;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may manage a group's things: its organisers (matched by {@code sub}, or by verified email for a
 * co-organiser added before they had an account) and admins. Groups are public, so a signed-in caller
 * who does not organise one is refused (403); without a token, the controllers' {@code Caller.required}
 * answers 401 before any of this.
 */
@Singleton
public class GroupAccess {

    private final GroupRepository groups;
    private final OrganiserRepository organisers;
    private final SignedLinks links;

    GroupAccess(GroupRepository groups, OrganiserRepository organisers, SignedLinks links) {
        this.groups = groups;
        this.organisers = organisers;
        this.links = links;
    }

    public boolean organises(String groupId, Caller caller) {
        return caller.admin() || organisers.listed(groupId).stream()
                .anyMatch(organiser -> caller.is(organiser.sub(), organiser.email()));
    }

    /** On public routes: an anonymous caller organises nothing. */
    public boolean organises(String groupId, Optional<Caller> caller) {
        return caller.map(c -> organises(groupId, c)).orElse(false);
    }

    /** Whether the caller organises some group (or is an admin). */
    public boolean organisesAnyGroup(Caller caller) {
        return caller.admin() || organisers.existsBySub(caller.sub())
                || caller.emailVerified() && caller.email() != null && organisers.existsBySubIsNullAndEmail(caller.email());
    }

    /** 403 unless the caller organises some group (or is an admin). */
    public void requireOrganiserOfAnyGroup(Caller caller) {
        if (!organisesAnyGroup(caller)) {
            throw new Forbidden();
        }
    }

    /** The group, when the caller organises it; 404 for an unknown slug, else 403. */
    public EventGroup requireOrganiser(String slug, Caller caller) {
        EventGroup group = groups.findBySlug(slug).orElseThrow(() -> new NotFound("group", slug));
        requireOrganiserOf(group.id(), caller);
        return group;
    }

    /** 403 unless the caller organises the group. */
    public void requireOrganiserOf(String groupId, Caller caller) {
        if (!organises(groupId, caller)) {
            throw new Forbidden();
        }
    }

    /**
     * A private record reached by its id (an RSVP, a membership): with a {@code token}, the signed
     * link decides alone (400 {@code invalid-link} when it was tampered with or made for another
     * record); without one, only the group's organisers and admins pass, and anyone else gets the
     * 404 an unknown id gets, so ids cannot be probed.
     */
    public Holder requireLinkOrOrganiser(String purpose, String resource, String recordId, @Nullable String token,
                                         Supplier<String> groupId, Optional<Caller> caller) {
        if (token != null) {
            links.require(purpose, recordId, token);
            return Holder.LINK;
        }
        if (!organises(groupId.get(), caller)) {
            throw new NotFound(resource, recordId);
        }
        return Holder.ORGANISER;
    }

    /** Who reached a private record: the person it is about (through their link), or an organiser or admin. */
    public enum Holder {
        LINK, ORGANISER
    }
}
