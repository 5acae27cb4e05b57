package dev.podium.messaging.outbox;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/** Deletes published outbox rows once they are older than the retention (default 3 days). */
@Singleton
class OutboxCleanup {

    private static final String DELETE = "DELETE FROM outbox WHERE published_at < ? LIMIT 5000";

    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final Duration retention;

    OutboxCleanup(TransactionOperations<Connection> transactions, JdbcOperations jdbc, Clock clock,
                  @Value("${podium.outbox.retention:3d}") Duration retention) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelay = "${podium.outbox.cleanup-interval:10m}", initialDelay = "1m")
    int deleteExpired() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(retention));
        return transactions.executeWrite(status -> jdbc.prepareStatement(DELETE, statement -> {
            statement.setTimestamp(1, cutoff);
            return statement.executeUpdate();
        }));
    }
}
