package dev.podium.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Answers {@link NotYetKnown} as problem+json with the {@code Retry-After} header (seconds). */
@Produces
@Singleton
class NotYetKnownHandler implements ExceptionHandler<NotYetKnown, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    NotYetKnownHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, NotYetKnown exception) {
        return errors.processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, String.valueOf(exception.retryAfterSeconds())));
    }
}
