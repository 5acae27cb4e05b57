package dev.podium.security.startup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules a service's settings must meet outside development, independent of Micronaut so that
 * they can be tested on their own: secrets are set, not a committed or {@code change-me} value, and
 * at least {@value #MIN_SECRET_BYTES} bytes; the token issuer is not a development issuer; the token
 * audience is set.
 */
public final class ProductionSettings {

    public static final int MIN_SECRET_BYTES = 32;

    /** The development switch: {@code PODIUM_DEVELOPMENT=true}. */
    public static final RequiredSetting DEVELOPMENT = new RequiredSetting("podium.development", "PODIUM_DEVELOPMENT");
    public static final RequiredSetting ISSUER =
            new RequiredSetting("micronaut.security.token.jwt.claims-validators.issuer", "AUTH_ISSUER");
    public static final RequiredSetting JWKS_URL =
            new RequiredSetting("micronaut.security.token.jwt.signatures.jwks.podium.url", "AUTH_JWKS_URL");
    public static final RequiredSetting AUDIENCE =
            new RequiredSetting("micronaut.security.token.jwt.claims-validators.audience", "AUTH_AUDIENCE");
    public static final RequiredSetting DB_PASSWORD = new RequiredSetting("datasources.default.password", "DB_PASSWORD");

    /** The audience the development issuer writes into its tokens, and the services' local-stack default. */
    public static final String DEVELOPMENT_AUDIENCE = "podium-local";

    /**
     * Host names of development issuers: the local stack's ({@code localhost:8090}) and the compose
     * development profile's service ({@code issuer}). A production provider is never reached there.
     */
    private static final Set<String> DEVELOPMENT_ISSUER_HOSTS =
            Set.of("localhost", "127.0.0.1", "0.0.0.0", "[::1]", "::1", "issuer", "dev-issuer");

    private ProductionSettings() {
    }

    /**
     * What is wrong with these settings for a production start, one sentence per setting naming its
     * variable and what to do; empty when nothing is.
     *
     * @param values a setting's value, empty when it is not set
     */
    public static List<String> problems(Function<RequiredSetting, Optional<String>> values, List<RequiredSetting> secrets) {
        List<String> problems = new ArrayList<>();
        for (RequiredSetting issuerSetting : List.of(ISSUER, JWKS_URL)) {
            Optional<String> value = values.apply(issuerSetting).map(String::strip).filter(v -> !v.isEmpty());
            if (value.isEmpty()) {
                problems.add(issuerSetting.variable() + " is not set: set it to your OIDC provider's "
                        + (issuerSetting == ISSUER ? "issuer URL (the tokens' iss)" : "JWKS URL (its public keys)") + ".");
            } else if (isPlaceholder(value.get())) {
                problems.add(issuerSetting.variable() + " still has a change-me value: set it to your OIDC provider's "
                        + (issuerSetting == ISSUER ? "issuer URL." : "JWKS URL."));
            } else if (isDevelopmentIssuer(value.get())) {
                problems.add(issuerSetting.variable() + " points at a development token issuer (" + value.get()
                        + "), which signs an admin token for anyone who asks: point AUTH_ISSUER and AUTH_JWKS_URL at your"
                        + " OIDC provider, or set PODIUM_DEVELOPMENT=true on a development machine.");
            }
        }
        Optional<String> audience = values.apply(AUDIENCE).map(String::strip).filter(v -> !v.isEmpty());
        if (audience.isEmpty() || audience.get().equals(DEVELOPMENT_AUDIENCE) || isPlaceholder(audience.get())) {
            problems.add(AUDIENCE.variable() + " is not set" + audience.map(a -> " (it is '" + a + "', a development value)").orElse("")
                    + ": set it to the audience (aud) your OIDC provider writes into the tokens meant for Podium,"
                    + " so that tokens issued to other applications of the same provider are refused.");
        }
        List<RequiredSetting> allSecrets = new ArrayList<>();
        allSecrets.add(DB_PASSWORD);
        allSecrets.addAll(secrets);
        for (RequiredSetting secret : allSecrets) {
            secretProblem(secret, values.apply(secret)).ifPresent(problems::add);
        }
        return problems;
    }

    static Optional<String> secretProblem(RequiredSetting secret, Optional<String> value) {
        String advice = " Generate one with `openssl rand -base64 48`.";
        if (value.isEmpty() || value.get().isBlank()) {
            return Optional.of(secret.variable() + " is not set: set it to a secret of at least " + MIN_SECRET_BYTES + " bytes." + advice);
        }
        if (isPlaceholder(value.get())) {
            return Optional.of(secret.variable() + " still has a committed or change-me value, which anyone can read:"
                    + " set it to a secret of your own." + advice);
        }
        int bytes = value.get().getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_SECRET_BYTES) {
            return Optional.of(secret.variable() + " is " + bytes + " bytes long: it must have at least " + MIN_SECRET_BYTES
                    + " bytes." + advice);
        }
        return Optional.empty();
    }

    /** The committed values: every example and local-stack default says change-me, dev-only or local-stack. */
    static boolean isPlaceholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.contains("change-me") || lower.contains("changeme") || lower.startsWith("dev-only") || lower.startsWith("local-stack");
    }

    static boolean isDevelopmentIssuer(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null || DEVELOPMENT_ISSUER_HOSTS.contains(host.toLowerCase(Locale.ROOT)) || host.startsWith("127.");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
