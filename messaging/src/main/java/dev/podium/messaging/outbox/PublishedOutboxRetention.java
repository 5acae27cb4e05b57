package dev.podium.messaging.outbox;

import dev.podium.messaging.retention.RetentionPolicy;
import dev.podium.persistence.Sql;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/** Published outbox rows go once older than {@code podium.outbox.retention} (3 days); waiting ones never do. */
@Singleton
class PublishedOutboxRetention implements RetentionPolicy {

    private final Sql sql;
    private final Duration retention;

    PublishedOutboxRetention(Sql sql, @Value("${podium.outbox.retention:3d}") Duration retention) {
        this.sql = sql;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public Duration retention() {
        return retention;
    }

    @Override
    public int deleteBefore(Instant cutoff, int limit) {
        return sql.update("DELETE FROM outbox WHERE published_at < ? LIMIT ?", cutoff, limit);
    }
}
