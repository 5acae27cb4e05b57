package dev.podium.security;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.RouteExecutor;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;

/**
 * The exception types through which Micronaut Data reports a database it cannot reach: a failed
 * statement ({@link DataAccessException}), no connection from the pool (the two
 * {@code CannotGetJdbcConnectionException}s, {@link ConnectionException}), a transaction that could
 * not begin, commit or roll back ({@link TransactionException}).
 */
final class DatabaseFailureHandlers {

    private DatabaseFailureHandlers() {
    }

    @Produces
    @Singleton
    static class DataAccessFailures extends DatabaseFailureHandler<DataAccessException> {
        DataAccessFailures(ErrorResponseProcessor<?> errors, RouteExecutor routeExecutor) {
            super(errors, routeExecutor);
        }
    }

    @Produces
    @Singleton
    static class TransactionFailures extends DatabaseFailureHandler<TransactionException> {
        TransactionFailures(ErrorResponseProcessor<?> errors, RouteExecutor routeExecutor) {
            super(errors, routeExecutor);
        }
    }

    @Produces
    @Singleton
    static class ConnectionFailures extends DatabaseFailureHandler<ConnectionException> {
        ConnectionFailures(ErrorResponseProcessor<?> errors, RouteExecutor routeExecutor) {
            super(errors, routeExecutor);
        }
    }

    @Produces
    @Singleton
    static class NoConnectionFailures
            extends DatabaseFailureHandler<io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException> {
        NoConnectionFailures(ErrorResponseProcessor<?> errors, RouteExecutor routeExecutor) {
            super(errors, routeExecutor);
        }
    }

    @Produces
    @Singleton
    static class NoTransactionConnectionFailures
            extends DatabaseFailureHandler<io.micronaut.transaction.jdbc.exceptions.CannotGetJdbcConnectionException> {
        NoTransactionConnectionFailures(ErrorResponseProcessor<?> errors, RouteExecutor routeExecutor) {
            super(errors, routeExecutor);
        }
    }
}
