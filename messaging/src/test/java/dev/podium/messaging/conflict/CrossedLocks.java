package dev.podium.messaging.conflict;

import dev.podium.persistence.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two rows raised in one transaction, first one then the other. Two callers taking them in opposite
 * orders, each waiting after its first row until the other has taken its own, are a textbook InnoDB
 * deadlock: the database rolls one of them back.
 */
@Singleton
class CrossedLocks {

    final AtomicInteger attempts = new AtomicInteger();
    private final Sql sql;

    CrossedLocks(Sql sql) {
        this.sql = sql;
    }

    @Transactional
    public void raise(String first, String second, CountDownLatch bothHoldOne) throws InterruptedException {
        attempts.incrementAndGet();
        raise(first);
        bothHoldOne.countDown();
        if (!bothHoldOne.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the other transaction never took its first row");
        }
        raise(second);
    }

    private void raise(String stream) {
        sql.update("UPDATE stream_version SET version = version + 1 WHERE stream = ?", stream);
    }

    /** The same work inside a caller's transaction, which the deadlock rolls back as a whole. */
    @Singleton
    static class Caller {

        final AtomicInteger attempts = new AtomicInteger();
        private final CrossedLocks locks;

        Caller(CrossedLocks locks) {
            this.locks = locks;
        }

        @Transactional
        public void raise(String first, String second, CountDownLatch bothHoldOne) throws InterruptedException {
            attempts.incrementAndGet();
            locks.raise(first, second, bothHoldOne);
        }
    }
}
