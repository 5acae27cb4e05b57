package dev.podium.messaging.inbox;

import dev.podium.messaging.retention.RetentionPolicy;
import dev.podium.persistence.Sql;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotent consumer's memory ({@code processed_message}) need only outlive the records Kafka
 * can still deliver again: the topics keep 7 days, so the default (14 days) is well above.
 */
@Singleton
class ProcessedMessageRetention implements RetentionPolicy {

    static final Duration TOPIC_RETENTION = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(ProcessedMessageRetention.class);

    private final Sql sql;
    private final Duration retention;

    ProcessedMessageRetention(Sql sql, @Value("${podium.retention.processed-messages:14d}") Duration retention) {
        this.sql = sql;
        this.retention = retention;
        if (!retention.isZero() && !retention.isNegative() && retention.compareTo(TOPIC_RETENTION) <= 0) {
            LOG.warn("podium.retention.processed-messages ({}) is not above the topics' retention (7 days): a message "
                    + "Kafka delivers again after a consumer-group reset could act twice", retention);
        }
    }

    @Override
    public String name() {
        return "processed_message";
    }

    @Override
    public Duration retention() {
        return retention;
    }

    @Override
    public int deleteBefore(Instant cutoff, int limit) {
        return sql.update("DELETE FROM processed_message WHERE processed_at < ? LIMIT ?", cutoff, limit);
    }
}
