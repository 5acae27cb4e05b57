package dev.podium.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers refused requests as problem+json with a stable type: {@code authentication-required}
 * (401, with {@code WWW-Authenticate: Bearer}) when no valid token came, {@code forbidden} (403)
 * when the caller may not do this.
 */
@Produces
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AccessProblemHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    AccessProblemHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return errors.processResponse(ErrorContext.builder(request).cause(AccessProblem.forbidden()).build(),
                    HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN));
        }
        return errors.processResponse(ErrorContext.builder(request).cause(AccessProblem.unauthenticated()).build(),
                HttpResponse.status(io.micronaut.http.HttpStatus.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }
}
