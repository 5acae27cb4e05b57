package dev.podium.notifications.unsubscribe;

import dev.podium.api.BadRequest;
import dev.podium.api.HmacSigner;
import dev.podium.notifications.audience.Recipient;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Unsubscribe tokens: {@code base64url(<scope> <email>).<HMAC-SHA256>}, where the scope is a group id
 * or {@value #ALL_GROUPS}. Signed with {@code podium.notifications.unsubscribe-secret}
 * (env {@code NOTIFICATIONS_UNSUBSCRIBE_SECRET}); a token that does not verify is refused.
 */
@Singleton
public class UnsubscribeTokens {

    public static final String ALL_GROUPS = "*";
    private static final int MIN_SECRET_BYTES = 32;

    private final HmacSigner signer;

    UnsubscribeTokens(@Value("${podium.notifications.unsubscribe-secret}") String secret) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("podium.notifications.unsubscribe-secret (NOTIFICATIONS_UNSUBSCRIBE_SECRET) must have at least "
                    + MIN_SECRET_BYTES + " bytes");
        }
        this.signer = new HmacSigner(secret);
    }

    public String issue(String scope, String email) {
        String payload = scope + " " + Recipient.normalise(email);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + signer.sign(payload);
    }

    /** @throws BadRequest invalid-unsubscribe-token when the token is malformed or was altered */
    public Optout verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 2) {
            throw invalid();
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        int space = payload.indexOf(' ');
        if (space <= 0 || space == payload.length() - 1 || !signer.verify(payload, parts[1])) {
            throw invalid();
        }
        return new Optout(payload.substring(0, space), payload.substring(space + 1));
    }

    private static BadRequest invalid() {
        return new BadRequest("invalid-unsubscribe-token", "Invalid unsubscribe link",
                "This unsubscribe link is not valid: it may have been mistyped or altered");
    }

    /** Who opts out of what: a group's email ({@code scope} = its id) or all of Podium's ({@value #ALL_GROUPS}). */
    public record Optout(String scope, String email) {

        public boolean allGroups() {
            return ALL_GROUPS.equals(scope);
        }
    }
}
