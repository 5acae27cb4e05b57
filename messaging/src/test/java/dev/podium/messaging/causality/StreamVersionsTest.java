package dev.podium.messaging.causality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.StreamVersion;
import dev.podium.testsupport.RealServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The producer's counters, on the real database: one version per change, in commit order, never twice. */
@MicronautTest(transactional = false)
class StreamVersionsTest implements RealServers {

    @Inject
    StreamVersions versions;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void eachChangeRaisesItsStreamByOneAndAMessageWrittenNowSeesTheLast() {
        String stream = "group-members/" + UUID.randomUUID();
        String other = "group-members/" + UUID.randomUUID();

        assertThat(inTransaction(() -> versions.current(stream))).isEqualTo(new StreamVersion(stream, 0));
        assertThat(inTransaction(() -> versions.advance(stream))).isEqualTo(new StreamVersion(stream, 1));
        assertThat(inTransaction(() -> versions.advance(stream))).isEqualTo(new StreamVersion(stream, 2));
        assertThat(inTransaction(() -> versions.advance(other))).isEqualTo(new StreamVersion(other, 1));
        assertThat(inTransaction(() -> versions.current(stream))).isEqualTo(new StreamVersion(stream, 2));
    }

    @Test
    void manyChangesAtOnceTakeConsecutiveVersions() {
        String stream = "group-members/" + UUID.randomUUID();

        assertThat(inTransaction(() -> versions.advanceBy(stream, 500))).isEqualTo(new StreamVersion(stream, 500));
        assertThat(inTransaction(() -> versions.advance(stream))).isEqualTo(new StreamVersion(stream, 501));
        assertThat(inTransaction(() -> versions.advanceBy(stream, 3))).isEqualTo(new StreamVersion(stream, 504));
        assertThat(inTransaction(() -> versions.current(stream))).isEqualTo(new StreamVersion(stream, 504));
    }

    @Test
    void concurrentChangesOfOneStreamGetEveryVersionOnce() throws Exception {
        String stream = "event-registrations/" + UUID.randomUUID();
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> changes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                changes.add(threads.submit(() -> seen.add(inTransaction(() -> versions.advance(stream)).version())));
            }
            for (Future<?> change : changes) {
                change.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(seen).hasSize(200).allMatch(version -> version >= 1 && version <= 200);
        assertThat(inTransaction(() -> versions.current(stream)).version()).isEqualTo(200);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }
}
