package dev.podium.security;

import dev.podium.api.PodiumProblem;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** Why a request was refused: no valid token (401) or not allowed for this caller (403). */
final class AccessProblem extends PodiumProblem {

    private AccessProblem(String kind, String title, HttpStatus status, String detail) {
        super(kind, title, status, detail, Map.of());
    }

    static AccessProblem unauthenticated() {
        return new AccessProblem("authentication-required", "Authentication required", HttpStatus.UNAUTHORIZED,
                "Send a valid bearer token (Authorization: Bearer <JWT>) from the configured issuer");
    }

    static AccessProblem forbidden() {
        return new AccessProblem("forbidden", "Forbidden", HttpStatus.FORBIDDEN,
                "Your account may not do this");
    }
}
