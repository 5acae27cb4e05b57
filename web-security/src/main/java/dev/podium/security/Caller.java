package dev.podium.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The authenticated person behind a request, from the validated JWT: {@code sub} is the identity
 * everywhere; {@code email} and {@code name} come from the token's claims; {@code admin} from the
 * {@value #ADMIN_ROLE} role.
 *
 * @param emailVerified whether the issuer vouches for the email ({@code email_verified}); only a
 *                      verified email may stand in for a {@code sub} that a record does not know yet
 */
public record Caller(String sub, @Nullable String email, @Nullable String name, boolean emailVerified, boolean admin) {

    public static final String ADMIN_ROLE = "admin";

    /** The caller, when the request carried a valid token. */
    public static Optional<Caller> of(@Nullable Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        Map<String, Object> claims = authentication.getAttributes();
        String email = text(claims.get("email"));
        return Optional.of(new Caller(
                authentication.getName(),
                email == null ? null : email.toLowerCase(Locale.ROOT),
                text(claims.get("name")),
                Boolean.TRUE.equals(claims.get("email_verified")) || "true".equals(text(claims.get("email_verified"))),
                authentication.getRoles().contains(ADMIN_ROLE)));
    }

    /** The caller of an endpoint that needs one: without a token, 401. */
    public static Caller required(@Nullable Authentication authentication) {
        return of(authentication).orElseThrow(() -> new AuthorizationException(null));
    }

    /**
     * Whether this caller is the person a record names: the same {@code sub}, or, for a record made
     * before the person had an account (sub unknown), the same verified email.
     */
    public boolean is(@Nullable String recordSub, @Nullable String recordEmail) {
        if (recordSub != null) {
            return recordSub.equals(sub);
        }
        return emailVerified && email != null && recordEmail != null && email.equalsIgnoreCase(recordEmail);
    }

    /** The answer to a caller who may not do this: 401 without a token, 403 with one. */
    public static AuthorizationException denied(@Nullable Authentication authentication) {
        return new AuthorizationException(authentication);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
