package dev.podium.talks.invitation;

import dev.podium.api.BadRequest;
import dev.podium.api.HmacSigner;
import dev.podium.talks.support.TalksProblem;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Signed invitation tokens: {@code <invitationId>.<expiry epoch seconds>.<HMAC-SHA256 of both, base64url>},
 * with the secret {@code podium.talks.invitation-secret} (env {@code TALKS_INVITATION_SECRET}). A token
 * whose signature does not match is refused (400 invalid-invitation-token), an expired one too
 * (410 invitation-expired).
 */
@Singleton
public class InvitationTokens {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MIN_SECRET_BYTES = 32;

    private final HmacSigner signer;

    InvitationTokens(@Value("${podium.talks.invitation-secret}") String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("podium.talks.invitation-secret (TALKS_INVITATION_SECRET) must have at least "
                    + MIN_SECRET_BYTES + " bytes");
        }
        this.signer = new HmacSigner(secret);
    }

    public String issue(String invitationId, Instant expiresAt) {
        String payload = invitationId + "." + expiresAt.getEpochSecond();
        return payload + "." + signer.sign(payload);
    }

    /**
     * @return the invitation id of a genuine, unexpired token
     * @throws BadRequest   invalid-invitation-token (400) when malformed or tampered with
     * @throws TalksProblem invitation-expired (410) when its expiry has passed
     */
    public String verify(String token, Instant now) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || !ID.matcher(parts[0]).matches() || !parts[1].matches("\\d{1,12}")) {
            throw invalid();
        }
        if (!signer.verify(parts[0] + "." + parts[1], parts[2])) {
            throw invalid();
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        if (!now.isBefore(expiresAt)) {
            throw expired(expiresAt);
        }
        return parts[0];
    }

    static TalksProblem expired(Instant expiresAt) {
        return TalksProblem.gone("invitation-expired", "Invitation expired", "This invitation expired at " + expiresAt);
    }

    private static BadRequest invalid() {
        return new BadRequest("invalid-invitation-token", "Invalid invitation token",
                "This invitation link is not valid: it may have been mistyped or altered");
    }
}
