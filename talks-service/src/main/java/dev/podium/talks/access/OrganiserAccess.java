package dev.podium.talks.access;

import dev.podium.api.BadRequest;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who acts on the organiser-only endpoints, and whether they may.
 *
 * <p>Until authentication arrives (issue 6) the acting organiser names themselves with the
 * {@value #HEADER} header (an email address); reviews and decisions require it, because they record
 * who reviewed or decided. Every organiser-only endpoint calls {@link #requireOrganiserOf(String, String)}
 * with the group that owns the event or open call: it lets everyone through for now; issue 6 replaces
 * the header by the authenticated subject and checks it against the group's organisers, which the
 * read model already keeps ({@code group_organiser}, from GroupCreated and OrganiserAdded).
 */
@Singleton
public class OrganiserAccess {

    public static final String HEADER = "X-Podium-Organiser";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    /** The acting organiser's email, required by the endpoints that record who acted. */
    public String requireOrganiser(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw new BadRequest("organiser-required", "Organiser required",
                    "Say who is acting with the " + HEADER + " header (an email address)");
        }
        String email = header.strip();
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            throw new BadRequest("organiser-required", "Organiser required",
                    "The " + HEADER + " header must be an email address");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    /**
     * The ownership check of organiser-only endpoints: open for now (no authentication yet).
     *
     * @param groupId   the group owning the event or the open call, null when not known yet
     * @param organiser the acting organiser, null when the endpoint does not require one
     */
    public void requireOrganiserOf(@Nullable String groupId, @Nullable String organiser) {
        // Issue 6: refuse (403) unless the authenticated subject is an organiser of groupId.
    }
}
