package dev.podium.talks.archive;

import dev.podium.messaging.retention.RetentionPolicy;
import dev.podium.persistence.Sql;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * The {@code archive_change} table, which the database's triggers fill (V10): what the search index
 * reads to follow the archive, and keeps for {@code podium.archive.change-retention}.
 */
@Singleton
class ArchiveChanges implements RetentionPolicy {

    /** A change to one talk of the archive (or to a submission that may become one). */
    record Change(long seq, String submissionId) {
    }

    /** The change ids the table holds (0 and 0 when it is empty). */
    record Range(long first, long last) {
    }

    private final Sql sql;
    private final Duration retention;

    ArchiveChanges(Sql sql, @Value("${podium.archive.change-retention:7d}") Duration retention) {
        this.sql = sql;
        this.retention = retention;
    }

    List<Change> after(long seq, int limit) {
        return sql.list("SELECT seq, submission_id FROM archive_change WHERE seq > ? ORDER BY seq LIMIT ?",
                row -> new Change(row.getLong(1), row.getString(2)), seq, limit);
    }

    List<Change> withSeqs(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        return sql.list("SELECT seq, submission_id FROM archive_change WHERE seq IN ("
                        + String.join(", ", Collections.nCopies(seqs.size(), "?")) + ")",
                row -> new Change(row.getLong(1), row.getString(2)), seqs.toArray());
    }

    Range range() {
        return sql.one("SELECT COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0) FROM archive_change",
                row -> new Range(row.getLong(1), row.getLong(2))).orElseThrow();
    }

    /** The identity of this database (V10), which an index records to tell its own database from another's. */
    String origin() {
        return sql.one("SELECT origin FROM archive_origin WHERE id = 1", row -> row.getString(1)).orElseThrow();
    }

    @Override
    public String name() {
        return "archive-changes";
    }

    @Override
    public Duration retention() {
        return retention;
    }

    @Override
    public int deleteBefore(Instant cutoff, int limit) {
        return sql.update("DELETE FROM archive_change WHERE changed_at < ? LIMIT ?", cutoff, limit);
    }
}
