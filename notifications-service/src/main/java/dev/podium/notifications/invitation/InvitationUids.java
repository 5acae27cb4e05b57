package dev.podium.notifications.invitation;

import dev.podium.api.HmacSigner;
import dev.podium.notifications.audience.Recipient;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The UID of an invitation, one per event and attendee address:
 * {@code <eventId>.<signature>@<mail domain>}, the signature being the first 16 bytes (base64url) of
 * HMAC-SHA256({@code eventId|address}) under {@code podium.notifications.invitation-secret} (env
 * {@code NOTIFICATIONS_INVITATION_SECRET}). The same address always gets the same UID for an event,
 * so every message about it updates one calendar entry; an iTIP REPLY echoes UID and ATTENDEE, so a
 * reply whose UID verifies for its ATTENDEE answers an invitation Podium sent to that address.
 */
@Singleton
public class InvitationUids {

    private static final int MIN_SECRET_BYTES = 32;
    /** 16 bytes, unpadded base64url. */
    private static final int SIGNATURE_CHARS = 22;

    private final HmacSigner signer;
    private final String domain;

    /** @param domain the sending domain ({@code podium.mail.domain}), read as a value: delivery depends on this package */
    InvitationUids(@Value("${podium.notifications.invitation-secret}") String secret, @Value("${podium.mail.domain}") String domain) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("podium.notifications.invitation-secret (NOTIFICATIONS_INVITATION_SECRET) must have at least "
                    + MIN_SECRET_BYTES + " bytes");
        }
        this.signer = new HmacSigner(secret);
        this.domain = domain;
    }

    public String issue(String eventId, String address) {
        return eventId + "." + signature(eventId, address) + "@" + domain;
    }

    /** The event a UID was issued for to {@code address}; empty if it was not issued by Podium to that address. */
    public Optional<String> eventOf(String uid, String address) {
        if (uid == null || address == null) {
            return Optional.empty();
        }
        int at = uid.lastIndexOf('@');
        int dot = at < 0 ? -1 : uid.lastIndexOf('.', at);
        if (dot <= 0 || at - dot - 1 != SIGNATURE_CHARS) {
            return Optional.empty();
        }
        String eventId = uid.substring(0, dot);
        byte[] given = uid.substring(dot + 1, at).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = signature(eventId, address).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? Optional.of(eventId) : Optional.empty();
    }

    private String signature(String eventId, String address) {
        return signer.sign(eventId + "|" + Recipient.normalise(address)).substring(0, SIGNATURE_CHARS);
    }
}
