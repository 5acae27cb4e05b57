package dev.podium.security;

import io.micronaut.security.authentication.AuthorizationException;

/**
 * 403 {@code forbidden}: the signed-in caller may not do this. Services decide it from the
 * {@link Caller} (only a signed-in request has one), without Micronaut's
 * {@code Authentication}, which {@code Caller.denied} needs to tell 401 from 403; the 401 for a
 * request without a token comes earlier, from the controller's {@code Caller.required}. Answered by
 * web-security's handler, as every forbidden {@link AuthorizationException} is.
 */
public final class Forbidden extends AuthorizationException {

    public Forbidden() {
        super(null);
    }

    @Override
    public boolean isForbidden() {
        return true;
    }
}
