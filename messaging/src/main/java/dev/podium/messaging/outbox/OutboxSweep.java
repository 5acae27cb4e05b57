package dev.podium.messaging.outbox;

import dev.podium.persistence.Sql;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;

/**
 * Finishes what {@link Outbox#forget} left for after the relay: once every outbox row up to a
 * request's {@code until_seq} is published, the published rows naming its value go, and so does the
 * request. Requests are locked with {@code SKIP LOCKED}, so replicas share them and each is done once.
 */
@Singleton
public class OutboxSweep {

    private final TransactionOperations<Connection> transactions;
    private final Sql sql;

    OutboxSweep(TransactionOperations<Connection> transactions, Sql sql) {
        this.transactions = transactions;
        this.sql = sql;
    }

    /** Returns how many outbox rows went. */
    @Scheduled(fixedDelay = "${podium.outbox.forget-sweep-interval:10s}", initialDelay = "5s")
    public int sweep() {
        return transactions.executeWrite(status -> {
            // The relay publishes in seq order: everything below the oldest waiting row is published.
            long oldestWaiting = sql.count("SELECT COALESCE(MIN(seq), 0) FROM outbox WHERE published_at IS NULL");
            long relayedBelow = oldestWaiting == 0 ? Long.MAX_VALUE : oldestWaiting;
            int deleted = 0;
            for (Request request : sql.list("SELECT id, needle, until_seq FROM outbox_forget WHERE until_seq < ?"
                            + " ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED",
                    row -> new Request(row.getLong(1), row.getString(2), row.getLong(3)), relayedBelow)) {
                deleted += sql.update("DELETE FROM outbox WHERE published_at IS NOT NULL AND seq <= ? AND " + Outbox.NAMES,
                        request.untilSeq(), request.needle());
                sql.update("DELETE FROM outbox_forget WHERE id = ?", request.id());
            }
            return deleted;
        });
    }

    private record Request(long id, String needle, long untilSeq) {
    }
}
