package dev.podium.events.links;

import dev.podium.api.BadRequest;
import dev.podium.api.HmacSigner;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Links that act without an account (confirm a membership, manage an RSVP) carry an HMAC of what
 * they act on, so they cannot be forged or pointed at someone else's record.
 */
@Singleton
public class SignedLinks {

    /** A member's opt-in link: it confirms the membership, and lets the member leave the group. */
    public static final String CONFIRM_MEMBERSHIP = "confirm-membership";
    /** An attendee's link to view or cancel their RSVP. */
    public static final String MANAGE_REGISTRATION = "manage-registration";

    private final HmacSigner signer;
    private final String publicUrl;

    SignedLinks(@Value("${podium.events.link-secret}") String secret, @Value("${podium.events.public-url}") String publicUrl) {
        this.signer = new HmacSigner(secret);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String token(String purpose, String id) {
        return signer.sign(purpose + ":" + id);
    }

    public boolean verify(String purpose, String id, String token) {
        return signer.verify(purpose + ":" + id, token);
    }

    /**
     * Refuses (400 {@code invalid-link}) a token that does not sign this purpose and id: a tampered
     * link, or one made for another record. Only the signature is checked, so the answer says
     * nothing about whether the record exists.
     */
    public void require(String purpose, String id, String token) {
        if (!verify(purpose, id, token)) {
            throw new BadRequest("invalid-link", "Invalid or tampered link", "This link is not valid");
        }
    }

    public String url(String path, String purpose, String id) {
        return publicUrl + path + "?token=" + token(purpose, id);
    }
}
