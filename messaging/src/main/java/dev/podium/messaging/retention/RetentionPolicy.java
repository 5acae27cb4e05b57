package dev.podium.messaging.retention;

import dev.podium.persistence.Sql;
import java.time.Duration;
import java.time.Instant;

/**
 * How long one table keeps its rows. A bean implementing it is run by {@link Retention}, once across
 * the replicas every {@code podium.retention.interval}.
 */
public interface RetentionPolicy {

    /** The table (or the part of one) it keeps: names the job and the metric's tag. */
    String name();

    /** Rows older than this go; zero or negative keeps them forever. */
    Duration retention();

    /** Deletes up to {@code limit} rows older than {@code cutoff}, in the caller's transaction; returns how many went. */
    int deleteBefore(Instant cutoff, int limit);

    /**
     * The policy of most tables: one {@code DELETE … WHERE <age column> < ? … LIMIT ?} statement, given the
     * cutoff and the limit as its two parameters.
     */
    static RetentionPolicy deleting(String name, Duration retention, Sql sql, String deleteStatement) {
        return new RetentionPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration retention() {
                return retention;
            }

            @Override
            public int deleteBefore(Instant cutoff, int limit) {
                return sql.update(deleteStatement, cutoff, limit);
            }
        };
    }
}
