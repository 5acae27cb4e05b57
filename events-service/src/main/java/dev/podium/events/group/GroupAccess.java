package dev.podium.events.group;

import dev.podium.api.NotFound;
import dev.podium.events.links.SignedLinks;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may manage a group's things: its organisers (matched by {@code sub}, or by verified email for a
 * co-organiser added before they had an account) and admins.
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

    public boolean organises(String groupId, Optional<Caller> caller) {
        return caller.map(c -> c.admin() || organisers.listed(groupId).stream()
                .anyMatch(organiser -> c.is(organiser.sub(), organiser.email()))).orElse(false);
    }

    /** Whether the caller organises some group (or is an admin). */
    public boolean organisesAnyGroup(Optional<Caller> caller) {
        return caller.map(c -> c.admin() || organisers.existsBySub(c.sub())
                || c.emailVerified() && c.email() != null && organisers.existsBySubIsNullAndEmail(c.email())).orElse(false);
    }

    /** The group, when the caller organises it; 404 for an unknown slug, else 401 anonymous / 403 others. */
    public EventGroup requireOrganiser(String slug, @Nullable Authentication authentication) {
        EventGroup group = groups.findBySlug(slug).orElseThrow(() -> new NotFound("group", slug));
        requireOrganiserOf(group.id(), authentication);
        return group;
    }

    public void requireOrganiserOf(String groupId, @Nullable Authentication authentication) {
        if (!organises(groupId, Caller.of(authentication))) {
            throw Caller.denied(authentication);
        }
    }

    /**
     * A private record reached by its id (an RSVP, a membership): with a {@code token}, the signed
     * link decides alone (400 {@code invalid-link} when it was tampered with or made for another
     * record); without one, only the group's organisers and admins pass, and anyone else gets the
     * 404 an unknown id gets, so ids cannot be probed.
     */
    public Holder requireLinkOrOrganiser(String purpose, String resource, String recordId, @Nullable String token,
                                         Supplier<String> groupId, @Nullable Authentication authentication) {
        if (token != null) {
            links.require(purpose, recordId, token);
            return Holder.LINK;
        }
        if (!organises(groupId.get(), Caller.of(authentication))) {
            throw new NotFound(resource, recordId);
        }
        return Holder.ORGANISER;
    }

    /** Who reached a private record: the person it is about (through their link), or an organiser or admin. */
    public enum Holder {
        LINK, ORGANISER
    }
}
