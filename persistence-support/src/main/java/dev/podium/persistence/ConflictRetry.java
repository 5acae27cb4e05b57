package dev.podium.persistence;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a whole transaction again when the database rolled it back as the loser of a collision (see
 * {@link TransactionConflict}), as InnoDB's manual asks of every application: a few attempts, a short
 * randomised pause between them so the two colliders do not meet again. Any other failure, and the
 * last conflict, propagate unchanged. Only for work that is one whole transaction and has no effect
 * outside the database (the outbox carries everything else), so that running it again is safe.
 */
public final class ConflictRetry {

    /** Attempts in all; a collision that survives four short pauses is load, not chance. */
    static final int ATTEMPTS = 4;
    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ConflictRetry.class);

    private ConflictRetry() {
    }

    public static <T> T retried(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !TransactionConflict.is(e)) {
                    throw e;
                }
                LOG.debug("Transaction rolled back by a conflict, attempt {} of {}: {}", attempt, ATTEMPTS, e.getMessage());
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        long ceiling = FIRST_PAUSE_MILLIS << attempt;
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted before retrying a transaction", e);
        }
    }
}
