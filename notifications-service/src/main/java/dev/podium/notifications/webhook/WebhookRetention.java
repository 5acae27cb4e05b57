package dev.podium.notifications.webhook;

import dev.podium.messaging.retention.RetentionPolicy;
import dev.podium.persistence.Sql;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Webhook messages go {@code podium.retention.deliveries} (90 days, as email deliveries) after they
 * were recorded, with their deliveries, once none of those is still to do or to look at (PENDING,
 * SENDING, DEAD): their bodies hold attendees' and members' names and addresses.
 */
@Singleton
class WebhookRetention implements RetentionPolicy {

    private final Sql sql;
    private final Duration retention;

    WebhookRetention(Sql sql, @Value("${podium.retention.deliveries:90d}") Duration retention) {
        this.sql = sql;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "webhook_message";
    }

    @Override
    public Duration retention() {
        return retention;
    }

    @Override
    public int deleteBefore(Instant cutoff, int limit) {
        return sql.update("""
                DELETE FROM webhook_message WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM webhook_delivery d
                    WHERE d.message_id = webhook_message.id AND d.status IN ('PENDING', 'SENDING', 'DEAD'))
                LIMIT ?""", cutoff, limit);
    }
}
