package dev.podium.notifications.delivery;

import dev.podium.messaging.retention.RetentionPolicy;
import dev.podium.persistence.Sql;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Deliveries that are done (SENT, SKIPPED, FAILED) go {@code podium.retention.deliveries} (90 days)
 * after their outcome; those still to do or to look at (PENDING, SENDING, DEAD) stay. A permanent
 * failure's address stays on the suppression list, which is a table of its own.
 */
@Singleton
class DeliveryRetention implements RetentionPolicy {

    private final Sql sql;
    private final Duration retention;

    DeliveryRetention(Sql sql, @Value("${podium.retention.deliveries:90d}") Duration retention) {
        this.sql = sql;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "delivery";
    }

    @Override
    public Duration retention() {
        return retention;
    }

    @Override
    public int deleteBefore(Instant cutoff, int limit) {
        return sql.update("DELETE FROM delivery WHERE status IN ('SENT', 'SKIPPED', 'FAILED') AND updated_at < ? LIMIT ?",
                cutoff, limit);
    }
}
