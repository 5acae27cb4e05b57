package dev.podium.events.erasure;

import dev.podium.api.RuleViolation;
import dev.podium.contracts.Causality;
import dev.podium.contracts.StreamVersion;
import dev.podium.contracts.Streams;
import dev.podium.contracts.events.PersonErased;
import dev.podium.messaging.causality.StreamVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import dev.podium.events.group.GroupService;
import dev.podium.events.registration.RegistrationService;
import dev.podium.security.Forbidden;
import dev.podium.events.support.Ids;
import dev.podium.events.talks.AcceptedTalks;
import dev.podium.messaging.outbox.Outbox;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;

/**
 * Forgets a person everywhere in events-service (memberships, RSVPs, organiser rows, speakers of
 * accepted talks), tells the other services with PersonErased and forgets the outbox messages naming
 * them (published ones now, the others once relayed: {@link Outbox#forget}), in one transaction.
 */
@Singleton
public class PersonErasure {

    private final GroupService groups;
    private final RegistrationService registrations;
    private final AcceptedTalks talks;
    private final Outbox outbox;
    private final StreamVersions versions;
    private final Clock clock;

    PersonErasure(GroupService groups, RegistrationService registrations, AcceptedTalks talks,
                  Outbox outbox, StreamVersions versions, Clock clock) {
        this.groups = groups;
        this.registrations = registrations;
        this.talks = talks;
        this.outbox = outbox;
        this.versions = versions;
        this.clock = clock;
    }

    /**
     * The caller asks to be forgotten: their address, which the issuer must have verified, and their
     * organiser rows under any address.
     */
    public void eraseCaller(Caller caller) {
        if (caller.email() == null || !caller.emailVerified()) {
            throw new RuleViolation("verified-email-required", "A verified email is needed",
                    "Only an address the issuer has verified can be erased on its owner's request");
        }
        erase(caller.email(), caller.sub());
    }

    /** An admin erases a person by address: 403 to anyone else. */
    public void eraseAsAdmin(String email, Caller caller) {
        if (!caller.admin()) {
            throw new Forbidden();
        }
        erase(email, null);
    }

    /** @param sub the person's account, when they asked themselves: their organiser rows go even under an older address */
    @Transactional
    void erase(String email, @Nullable String sub) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        Set<String> groupIds = groups.erasePerson(address, sub);
        Set<String> eventIds = registrations.erasePerson(address);
        talks.erasePerson(address);
        // Consumers apply the erasure only once they hold every earlier fact about the person's groups
        // and RSVPs: a late membership or RSVP message can then not bring them back.
        List<StreamVersion> known = new ArrayList<>();
        groupIds.forEach(groupId -> known.add(versions.current(Streams.groupMembers(groupId))));
        eventIds.forEach(eventId -> known.add(versions.current(Streams.eventRegistrations(eventId))));
        outbox.append(new PersonErased(Ids.newId(), address, clock.instant()), new Causality(null, known));
        // After PersonErased, which names the address too: it goes once relayed, with the others still waiting.
        outbox.forget(address);
    }
}
