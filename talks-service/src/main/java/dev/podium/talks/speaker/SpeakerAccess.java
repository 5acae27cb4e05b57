package dev.podium.talks.speaker;

import dev.podium.security.Caller;
import dev.podium.security.Forbidden;
import jakarta.inject.Singleton;

/**
 * Who may act with a speaker profile (change it, see its email, submit or join a talk with it): its
 * owner ({@link Speaker#ownedBy}) and admin. Profiles are public, so anyone else gets 403.
 */
@Singleton
public class SpeakerAccess {

    public boolean actsFor(Speaker speaker, Caller caller) {
        return caller.admin() || speaker.ownedBy(caller);
    }

    /** 403 unless the caller owns the profile or is admin. */
    public void requireActsFor(Speaker speaker, Caller caller) {
        if (!actsFor(speaker, caller)) {
            throw new Forbidden();
        }
    }
}
