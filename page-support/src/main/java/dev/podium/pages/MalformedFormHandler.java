package dev.podium.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;

/**
 * 400 {@code malformed-form}: a form body that is not valid {@code application/x-www-form-urlencoded}
 * (a broken %-escape), which Netty refuses while decoding it for the route. No browser sends one;
 * a program or a fuzzer does, and it is their request that is wrong, not the server.
 */
@Produces
@Singleton
class MalformedFormHandler implements ExceptionHandler<HttpPostRequestDecoder.ErrorDataDecoderException, MutableHttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    MalformedFormHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException exception) {
        return errors.processResponse(ErrorContext.builder(request).cause(new MalformedForm()).build(), HttpResponse.status(HttpStatus.BAD_REQUEST));
    }
}
