package dev.podium.events.erasure;

import dev.podium.contracts.events.PersonErased;
import dev.podium.events.group.GroupService;
import dev.podium.events.registration.RegistrationService;
import dev.podium.events.support.Ids;
import dev.podium.events.talks.AcceptedTalks;
import dev.podium.messaging.outbox.Outbox;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;

/**
 * Forgets a person everywhere in events-service (memberships, RSVPs, organiser rows, speakers of
 * accepted talks), purges the published outbox messages naming them, and tells the other services
 * with PersonErased, in one transaction.
 */
@Singleton
public class PersonErasure {

    private final GroupService groups;
    private final RegistrationService registrations;
    private final AcceptedTalks talks;
    private final OutboxPurge purge;
    private final Outbox outbox;
    private final Clock clock;

    PersonErasure(GroupService groups, RegistrationService registrations, AcceptedTalks talks, OutboxPurge purge,
                  Outbox outbox, Clock clock) {
        this.groups = groups;
        this.registrations = registrations;
        this.talks = talks;
        this.purge = purge;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param sub the person's account, when they asked themselves: their organiser rows go even under an older address */
    @Transactional
    public void erase(String email, @Nullable String sub) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        groups.erasePerson(address, sub);
        registrations.erasePerson(address);
        talks.erasePerson(address);
        purge.forgetPerson(address);
        outbox.append(new PersonErased(Ids.newId(), address, clock.instant()));
    }
}
