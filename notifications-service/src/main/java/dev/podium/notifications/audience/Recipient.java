package dev.podium.notifications.audience;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;

/**
 * One person to write to, with the signed link that manages their RSVP when they have one, and their
 * answer as a calendar PARTSTAT ({@code ACCEPTED}, {@code TENTATIVE} for the waitlist, …; null when
 * they have not answered) for the ATTENDEE line of their copy of an invitation.
 */
public record Recipient(String email, @Nullable String name, @Nullable String manageUrl, @Nullable String importedBy,
                        @Nullable String participation) {

    public Recipient {
        email = normalise(email);
    }

    public Recipient(String email, @Nullable String name, @Nullable String manageUrl, @Nullable String importedBy) {
        this(email, name, manageUrl, importedBy, null);
    }

    public Recipient(String email, @Nullable String name, @Nullable String manageUrl) {
        this(email, name, manageUrl, null, null);
    }

    public Recipient withParticipation(@Nullable String participation) {
        return new Recipient(email, name, manageUrl, importedBy, participation);
    }

    public static Recipient of(String email, @Nullable String name) {
        return new Recipient(email, name, null, null);
    }

    /** A group member; {@code importedBy} names the organiser who imported them, null if they joined themselves. */
    public static Recipient member(String email, @Nullable String name, @Nullable String importedBy) {
        return new Recipient(email, name, null, importedBy);
    }

    /** Addresses compare case-insensitively everywhere in this service (unique keys, opt-outs, suppressions). */
    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
