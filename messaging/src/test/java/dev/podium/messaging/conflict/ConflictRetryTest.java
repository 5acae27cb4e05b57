package dev.podium.messaging.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.persistence.Sql;
import dev.podium.testsupport.RealServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real InnoDB deadlock between two transactions: the victim's whole transaction runs again and both
 * changes land, each once. Without the retry the victim's caller gets the deadlock (an HTTP request
 * answered 500, as the fuzzer's erasure meeting the outbox relay showed).
 */
@MicronautTest(transactional = false)
class ConflictRetryTest implements RealServers {

    @Inject
    CrossedLocks locks;
    @Inject
    CrossedLocks.Caller caller;
    @Inject
    Sql sql;

    private ExecutorService threads;
    private String a;
    private String b;

    @BeforeEach
    void twoRows() {
        a = "conflict/" + UUID.randomUUID();
        b = "conflict/" + UUID.randomUUID();
        sql.update("INSERT INTO stream_version (stream, version) VALUES (?, 0), (?, 0)", a, b);
        threads = Executors.newFixedThreadPool(2);
        locks.attempts.set(0);
        caller.attempts.set(0);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void theDeadlockVictimsTransactionRunsAgainAndBothChangesLandOnce() throws Exception {
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        CompletableFuture<Void> ab = run(() -> locks.raise(a, b, bothHoldOne));
        CompletableFuture<Void> ba = run(() -> locks.raise(b, a, bothHoldOne));

        CompletableFuture.allOf(ab, ba).get(60, TimeUnit.SECONDS);

        assertThat(locks.attempts).as("two transactions and the victim's second attempt").hasValue(3);
        assertThat(version(a)).isEqualTo(2);
        assertThat(version(b)).isEqualTo(2);
    }

    @Test
    void aTransactionJoiningItsCallersIsRetriedOnlyAsTheCallersWhole() throws Exception {
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        CompletableFuture<Void> ab = run(() -> caller.raise(a, b, bothHoldOne));
        CompletableFuture<Void> ba = run(() -> caller.raise(b, a, bothHoldOne));

        CompletableFuture.allOf(ab, ba).get(60, TimeUnit.SECONDS);

        assertThat(caller.attempts).as("the outer boundary ran the victim again").hasValue(3);
        assertThat(locks.attempts).as("the inner method ran once per outer attempt, never on its own").hasValue(3);
        assertThat(version(a)).isEqualTo(2);
        assertThat(version(b)).isEqualTo(2);
    }

    private long version(String stream) {
        return sql.count("SELECT version FROM stream_version WHERE stream = ?", stream);
    }

    private CompletableFuture<Void> run(Work work) {
        return CompletableFuture.runAsync(() -> {
            try {
                work.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, threads);
    }

    @FunctionalInterface
    interface Work {
        void run() throws InterruptedException;
    }
}
