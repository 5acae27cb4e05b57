package dev.podium.persistence;

import java.sql.SQLException;

/**
 * Recognises "the database rolled this transaction back because it collided with another one, run it
 * again": an InnoDB deadlock victim (error 1213), a serialisation failure (SQLState {@code 40001}), or a
 * Group Replication certification conflict (error 3101, InnoDB Cluster's multi-primary and failover
 * case). The whole transaction is gone, so only the whole transaction may be retried. A lock wait
 * timeout (1205) is not this: it already waited its {@code innodb_lock_wait_timeout}, and by default
 * only its statement was rolled back.
 */
public final class TransactionConflict {

    private static final int ER_LOCK_DEADLOCK = 1213;
    private static final int ER_TRANSACTION_ROLLBACK_DURING_COMMIT = 3101;
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final int MAX_DEPTH = 32;

    private TransactionConflict() {
    }

    public static boolean is(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == ER_LOCK_DEADLOCK
                    || sql.getErrorCode() == ER_TRANSACTION_ROLLBACK_DURING_COMMIT
                    || SERIALIZATION_FAILURE.equals(sql.getSQLState()))) {
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
