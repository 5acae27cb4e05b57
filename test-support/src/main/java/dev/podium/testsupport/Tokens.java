package dev.podium.testsupport;

import dev.podium.devissuer.Identity;
import io.micronaut.http.MutableHttpRequest;

/** Signed tokens from the tests' {@link TestServers#issuer() development issuer}. */
public final class Tokens {

    private Tokens() {
    }

    public static String of(Identity identity) {
        return TestServers.issuer().issuer().token(identity);
    }

    /** The request, sent as {@code identity} (a bearer token); unchanged for null (anonymous). */
    public static <T> MutableHttpRequest<T> as(Identity identity, MutableHttpRequest<T> request) {
        return identity == null ? request : request.bearerAuth(of(identity));
    }
}
