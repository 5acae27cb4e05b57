package dev.podium.messaging.causality;

import dev.podium.contracts.StreamVersion;
import dev.podium.persistence.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The producer's side of causal versions: a counter per stream of changes (table
 * {@code stream_version}), raised by one in the transaction of each change. The row's lock orders
 * one stream's changes, so versions follow commit order, and so do their outbox rows.
 */
@Singleton
public class StreamVersions {

    /** One round trip: the new version comes back as the statement's LAST_INSERT_ID. */
    private static final String ADVANCE = "INSERT INTO stream_version (stream, version) VALUES (?, LAST_INSERT_ID(?))"
            + " ON DUPLICATE KEY UPDATE version = LAST_INSERT_ID(version + ?)";

    private final JdbcOperations jdbc;
    private final Sql sql;

    StreamVersions(JdbcOperations jdbc, Sql sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** Counts one more change of {@code stream}; returns its version after the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StreamVersion advance(String stream) {
        return advanceBy(stream, 1);
    }

    /**
     * Counts {@code changes} more changes of {@code stream} in one statement (an import's members);
     * returns the version of the last: the changes are versions {@code last - changes + 1} to {@code last}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StreamVersion advanceBy(String stream, int changes) {
        if (changes < 1) {
            throw new IllegalArgumentException("A stream advances by one change or more, not " + changes);
        }
        long version = jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ADVANCE, Statement.RETURN_GENERATED_KEYS)) {
                statement.setString(1, stream);
                statement.setLong(2, changes);
                statement.setLong(3, changes);
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new IllegalStateException("The database returned no version for stream " + stream);
                    }
                    return keys.getLong(1);
                }
            }
        });
        return new StreamVersion(stream, version);
    }

    /** How many changes of {@code stream} this transaction sees: what a message written now depends on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StreamVersion current(String stream) {
        return new StreamVersion(stream, sql.count("SELECT version FROM stream_version WHERE stream = ?", stream));
    }
}
