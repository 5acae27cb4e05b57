package dev.podium.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.NotAcceptableException;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;

/**
 * 415 and 406 as problem+json with a stable type, a title and a detail that says what to send,
 * instead of the framework's bare {@code {"type":"about:blank","status":415}}.
 */
final class MediaTypeProblems {

    private MediaTypeProblems() {
    }

    static final class Problem extends PodiumProblem {
        Problem(String kind, String title, HttpStatus status, String detail) {
            super(kind, title, status, detail, Map.of());
        }
    }

    static String list(Collection<String> types) {
        return types.isEmpty() ? "application/json" : String.join(", ", types);
    }

    /** 415 {@code unsupported-media-type}: the body's Content-Type is not one the route reads. */
    @Produces
    @Singleton
    static final class UnsupportedMediaTypeHandler implements ExceptionHandler<UnsupportedMediaException, MutableHttpResponse<?>> {

        private final ErrorResponseProcessor<?> errors;

        UnsupportedMediaTypeHandler(ErrorResponseProcessor<?> errors) {
            this.errors = errors;
        }

        @Override
        public MutableHttpResponse<?> handle(HttpRequest request, UnsupportedMediaException exception) {
            String sent = exception.getContentType() == null ? "no Content-Type" : "Content-Type " + exception.getContentType();
            String accepted = list(exception.getAcceptableContentTypes());
            Problem problem = new Problem("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    request.getMethodName() + " " + request.getPath() + " reads a body of type " + accepted + ", and this one came with "
                            + sent + ": send the body as " + accepted + " with the header Content-Type: "
                            + exception.getAcceptableContentTypes().stream().findFirst().orElse("application/json"));
            return errors.processResponse(ErrorContext.builder(request).cause(problem).build(),
                    HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        }
    }

    /** The type to tell a program to ask for: JSON where the route answers it (it may also answer pages), else the first. */
    private static String suggested(Collection<String> produced) {
        return produced.contains(MediaType.APPLICATION_JSON) ? MediaType.APPLICATION_JSON
                : produced.stream().findFirst().orElse(MediaType.APPLICATION_JSON);
    }

    /** 406 {@code not-acceptable}: the route answers no type the request's Accept header allows. */
    @Produces
    @Singleton
    static final class NotAcceptableHandler implements ExceptionHandler<NotAcceptableException, MutableHttpResponse<?>> {

        private final ErrorResponseProcessor<?> errors;

        NotAcceptableHandler(ErrorResponseProcessor<?> errors) {
            this.errors = errors;
        }

        @Override
        public MutableHttpResponse<?> handle(HttpRequest request, NotAcceptableException exception) {
            String produced = list(exception.getProduceableContentTypes());
            Problem problem = new Problem("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE,
                    request.getMethodName() + " " + request.getPath() + " answers " + produced + ", which the request's Accept header ("
                            + list(exception.getAcceptedTypes()) + ") does not allow: send Accept: "
                            + suggested(exception.getProduceableContentTypes()) + " (or */*)");
            return errors.processResponse(ErrorContext.builder(request).cause(problem).build(),
                    HttpResponse.status(HttpStatus.NOT_ACCEPTABLE));
        }
    }
}
