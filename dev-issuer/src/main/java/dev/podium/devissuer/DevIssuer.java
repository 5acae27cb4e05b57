package dev.podium.devissuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A development OpenID issuer's signing half: an RSA key generated at start, its public JWKS, and
 * RS256 tokens for any identity. Podium's services validate tokens against {@link #jwksJson()}
 * (served by {@link DevIssuerServer}) exactly as they validate a production provider's.
 *
 * <p>Never for production: anyone who can reach it gets any identity, admin included.
 */
public final class DevIssuer {

    public static final Duration DEFAULT_TTL = Duration.ofHours(8);
    /** The audience ({@code aud}) of its tokens, the services' local-stack default {@code AUTH_AUDIENCE}. */
    public static final String DEFAULT_AUDIENCE = "podium-local";

    private final String issuerUrl;
    private final String audience;
    private final RSAKey key;
    private final Clock clock;

    public DevIssuer(String issuerUrl, Clock clock) {
        this(issuerUrl, DEFAULT_AUDIENCE, clock);
    }

    public DevIssuer(String issuerUrl, String audience, Clock clock) {
        this.issuerUrl = issuerUrl;
        this.audience = audience;
        this.clock = clock;
        this.key = newKey();
    }

    public String issuerUrl() {
        return issuerUrl;
    }

    /** The public keys, as served at {@code /.well-known/jwks.json}. */
    public String jwksJson() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public String token(Identity identity) {
        return token(identity, DEFAULT_TTL);
    }

    public String token(Identity identity, Duration ttl) {
        Instant now = clock.instant();
        return sign(claims(identity, now, now.plus(ttl)), key);
    }

    /** A valid token of this issuer meant for another application ({@code aud}): services must answer 401. */
    public String tokenForAudience(Identity identity, String otherAudience) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(identity, now, now.plus(DEFAULT_TTL))).audience(otherAudience).build();
        return sign(claims, key);
    }

    public String audience() {
        return audience;
    }

    /** A token that expired an hour ago: services must answer 401. */
    public String expiredToken(Identity identity) {
        Instant issued = clock.instant().minus(Duration.ofHours(2));
        return sign(claims(identity, issued, issued.plus(Duration.ofHours(1))), key);
    }

    /** A well-formed token under this issuer's key id, signed by another key: services must answer 401. */
    public String tokenSignedByAnotherKey(Identity identity) {
        RSAKey impostor = newKey(key.getKeyID());
        Instant now = clock.instant();
        return sign(claims(identity, now, now.plus(DEFAULT_TTL)), impostor);
    }

    /** An unsigned token ({@code "alg":"none"}): services must answer 401. */
    public String unsignedToken(Identity identity) {
        Instant now = clock.instant();
        return new PlainJWT(claims(identity, now, now.plus(DEFAULT_TTL))).serialize();
    }

    private JWTClaimsSet claims(Identity identity, Instant issuedAt, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer(issuerUrl)
                .audience(audience)
                .subject(identity.sub())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim("name", identity.name())
                .claim("email", identity.email())
                .claim("email_verified", true)
                .claim("roles", identity.roles())
                .build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
    }

    private static RSAKey newKey() {
        return newKey(UUID.randomUUID().toString());
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }
}
