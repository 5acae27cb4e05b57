package dev.podium.security;

import dev.podium.persistence.DatabaseUnreachable;
import dev.podium.persistence.TransactionConflict;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.RouteExecutor;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a data-layer exception whose cause is "the database cannot be reached" (see
 * {@link DatabaseUnreachable}), or a transaction that still lost a collision after the
 * {@link dev.podium.persistence.ConflictRetry}'s attempts (see {@link TransactionConflict}), as 503
 * problem+json, type {@code service-unavailable}, with {@code Retry-After}: nothing was changed. Every other exception of the same type gets exactly the answer it had without
 * this handler (Micronaut's default: logged as an error, 500). One subclass per exception type the
 * data layer throws, since Micronaut picks a handler by the thrown type; there is no catch-all.
 */
abstract class DatabaseFailureHandler<E extends Throwable> implements ExceptionHandler<E, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailureHandler.class);

    private final ErrorResponseProcessor<?> errors;
    private final RouteExecutor routeExecutor;

    DatabaseFailureHandler(ErrorResponseProcessor<?> errors, RouteExecutor routeExecutor) {
        this.errors = errors;
        this.routeExecutor = routeExecutor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, E exception) {
        DatabaseUnavailable problem;
        if (DatabaseUnreachable.is(exception)) {
            problem = DatabaseUnavailable.unreachable();
        } else if (TransactionConflict.is(exception)) {
            problem = DatabaseUnavailable.contended();
        } else {
            return routeExecutor.createDefaultErrorResponse(request, exception);
        }
        LOG.warn("{}: {} {} answered 503 ({})", problem.getTitle(), request.getMethodName(), request.getPath(), rootCause(exception));
        return errors.processResponse(ErrorContext.builder(request).cause(problem).build(),
                HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS)));
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause.getCause() != null && cause.getCause() != cause && depth < 32; depth++) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
