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
import jakarta.inject.Singleton;

/** Answers {@link TooManyRequests} as problem+json with the {@code Retry-After} header. */
@Produces
@Singleton
class TooManyRequestsHandler implements ExceptionHandler<TooManyRequests, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    TooManyRequestsHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, TooManyRequests exception) {
        MutableHttpResponse<Object> response = HttpResponse.status(io.micronaut.http.HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(exception.retryAfterSeconds()));
        return errors.processResponse(ErrorContext.builder(request).cause(exception).build(), response);
    }
}
