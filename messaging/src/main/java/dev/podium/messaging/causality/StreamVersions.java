package dev.podium.messaging.causality;

import dev.podium.contracts.StreamVersion;
import dev.podium.messaging.sql.Sql;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * The producer's side of causal versions: a counter per stream of changes (table
 * {@code stream_version}), raised by one in the transaction of each change. The row's lock orders
 * one stream's changes, so versions follow commit order, and so do their outbox rows.
 */
@Singleton
public class StreamVersions {

    private final Sql sql;

    StreamVersions(Sql sql) {
        this.sql = sql;
    }

    /** Counts one more change of {@code stream}; returns its version after the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StreamVersion advance(String stream) {
        sql.update("INSERT INTO stream_version (stream, version) VALUES (?, 1) ON DUPLICATE KEY UPDATE version = version + 1",
                stream);
        return new StreamVersion(stream, sql.count("SELECT version FROM stream_version WHERE stream = ?", stream));
    }

    /** How many changes of {@code stream} this transaction sees: what a message written now depends on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StreamVersion current(String stream) {
        return new StreamVersion(stream, sql.count("SELECT version FROM stream_version WHERE stream = ?", stream));
    }
}
