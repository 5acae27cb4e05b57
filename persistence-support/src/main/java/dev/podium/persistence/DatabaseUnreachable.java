package dev.podium.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises "the database cannot be reached": the pool gave up waiting for a connection (HikariCP's
 * {@link SQLTransientConnectionException}), or the driver reports a connection exception (SQLState
 * class {@code 08}: link failure, connection closed, connection refused), however the data layer wrapped
 * it. Anything else (a constraint, a syntax error, a lock wait, a bug) is not this.
 */
public final class DatabaseUnreachable {

    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    private static final int MAX_DEPTH = 32;
    /**
     * What HikariCP's handle says once the pool has closed the connection under it (after the link
     * failed): a plain SQLException without SQLState. Micronaut Data meets it when it restores the
     * connection's read-only flag at the end of a request whose database went away mid-way.
     */
    private static final String HIKARI_CLOSED_HANDLE = "Connection is closed";

    private DatabaseUnreachable() {
    }

    public static boolean is(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() == null && HIKARI_CLOSED_HANDLE.equals(sql.getMessage())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        return false;
    }
}
