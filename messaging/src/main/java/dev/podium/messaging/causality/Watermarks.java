package dev.podium.messaging.causality;

import dev.podium.contracts.StreamVersion;
import dev.podium.persistence.Sql;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

/**
 * The consumer's side of causal versions: per stream, the version this service's read model has
 * applied (table {@code stream_watermark}). A stream's messages share a Kafka key, so they arrive
 * in version order and the watermark is simply the last one applied. Written in the transaction
 * that applies the change, so the watermark and the read model never disagree.
 */
@Singleton
public class Watermarks {

    private final Sql sql;
    private final Clock clock;

    Watermarks(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public long known(String stream) {
        return sql.count("SELECT version FROM stream_watermark WHERE stream = ?", stream);
    }

    /** The first of {@code facts} this read model has not reached yet, if any. */
    public Optional<StreamVersion> firstUnknown(Collection<StreamVersion> facts) {
        return facts.stream().filter(fact -> fact.version() > 0 && known(fact.stream()) < fact.version()).findFirst();
    }

    public void raise(StreamVersion applied) {
        sql.update("""
                INSERT INTO stream_watermark (stream, version, updated_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE version = GREATEST(version, VALUES(version)), updated_at = VALUES(updated_at)""",
                applied.stream(), applied.version(), clock.instant());
    }
}
