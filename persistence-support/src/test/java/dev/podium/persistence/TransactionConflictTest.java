package dev.podium.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransactionConflictTest {

    private static final SQLException DEADLOCK = new SQLTransactionRollbackException(
            "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);

    @Test
    void recognisesADeadlockVictimAndAGroupReplicationConflictThroughTheDataLayersWrapping() {
        assertThat(TransactionConflict.is(new RuntimeException("Error preparing SQL statement", DEADLOCK))).isTrue();
        assertThat(TransactionConflict.is(new SQLException(
                "Plugin instructed the server to rollback the current transaction.", "40000", 3101))).isTrue();
    }

    @Test
    void aLockWaitTimeoutADuplicateKeyAndALostLinkAreNotConflicts() {
        assertThat(TransactionConflict.is(new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205)))
                .isFalse();
        assertThat(TransactionConflict.is(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))
                .isFalse();
        assertThat(TransactionConflict.is(new SQLException("Communications link failure", "08S01"))).isFalse();
    }

    @Test
    void retriesAConflictUntilItSucceedsAndNothingElse() {
        AtomicInteger attempts = new AtomicInteger();
        String result = ConflictRetry.retried(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new RuntimeException(DEADLOCK);
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);

        AtomicInteger other = new AtomicInteger();
        assertThatThrownBy(() -> ConflictRetry.retried(() -> {
            other.incrementAndGet();
            throw new IllegalStateException("a bug");
        })).hasMessage("a bug");
        assertThat(other).hasValue(1);
    }

    @Test
    void givesUpAfterItsAttemptsWithTheLastConflict() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ConflictRetry.retried(() -> {
            attempts.incrementAndGet();
            throw new RuntimeException(DEADLOCK);
        })).hasCause(DEADLOCK);
        assertThat(attempts).hasValue(ConflictRetry.ATTEMPTS);
    }
}
