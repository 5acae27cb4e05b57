package dev.podium.messaging.retention;

import dev.podium.persistence.Sql;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Jobs that must run once across every replica of a service, not once per replica: each has a row
 * in {@code cluster_job} whose {@code next_run_at} a replica moves forward with a conditional UPDATE.
 * The database decides (the UPDATE locks the row and re-reads it), so of all the replicas asking at
 * the same moment exactly one gets the run; no JVM lock is involved.
 */
@Singleton
public class ClusterJobs {

    private final TransactionOperations<Connection> transactions;
    private final Sql sql;
    private final Clock clock;

    ClusterJobs(TransactionOperations<Connection> transactions, Sql sql, Clock clock) {
        this.transactions = transactions;
        this.sql = sql;
        this.clock = clock;
    }

    /** True if this caller gets the job's run that is due now; the next one is then due {@code every} later. */
    public boolean claim(String job, Duration every) {
        Instant now = clock.instant();
        try {
            // The job's row first, in a transaction of its own: replicas inserting it at once would
            // otherwise each hold a shared lock on it until their UPDATE, and deadlock.
            transactions.executeWrite(status -> sql.update("INSERT IGNORE INTO cluster_job (name, next_run_at) VALUES (?, ?)", job, now));
            return transactions.executeWrite(status -> sql.update(
                    "UPDATE cluster_job SET next_run_at = ?, last_started_at = ? WHERE name = ? AND next_run_at <= ?",
                    now.plus(every), now, job, now) == 1);
        } catch (RuntimeException e) {
            if (isLockConflict(e)) {
                // Chosen as a deadlock victim: another replica is taking this run.
                return false;
            }
            throw e;
        }
    }

    private static boolean isLockConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }

    /** Records what the run did, for operators ({@code SELECT * FROM cluster_job}). */
    public void finished(String job, long count) {
        transactions.executeWrite(status -> sql.update(
                "UPDATE cluster_job SET last_finished_at = ?, last_count = ? WHERE name = ?", clock.instant(), count, job));
    }
}
