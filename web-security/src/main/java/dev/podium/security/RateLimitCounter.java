package dev.podium.security;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

/**
 * Counts hits per (limit, client, window) in the {@code rate_limit_hit} table. The increment and its
 * result are one statement (MySQL's {@code LAST_INSERT_ID(expr)}), so concurrent replicas never
 * both see the last free hit.
 *
 * <p>The table is web-security's (this class and {@link RateLimitJanitor} are all that touch it), but each
 * service creates it with a migration of its own ({@code V5__rate_limits.sql} in events-service, V4 in
 * talks-service, V3 in notifications-service, the same file): they are applied history, which Flyway
 * checks by version and checksum on every start, and one file in this jar could carry only one version.
 */
@Singleton
public class RateLimitCounter {

    private static final String HIT = """
            INSERT INTO rate_limit_hit (limit_name, client, window_start, hits)
            VALUES (?, ?, ?, LAST_INSERT_ID(1))
            ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1)""";

    private final JdbcOperations jdbc;

    RateLimitCounter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one hit and returns the window's count including it, in one round trip (the count comes back as the statement's LAST_INSERT_ID). */
    @Connectable
    public long hit(String limit, String client, Instant windowStart) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(HIT, Statement.RETURN_GENERATED_KEYS)) {
                statement.setString(1, limit);
                statement.setString(2, client);
                statement.setLong(3, windowStart.getEpochSecond());
                statement.executeUpdate();
                try (ResultSet count = statement.getGeneratedKeys()) {
                    if (!count.next()) {
                        throw new IllegalStateException("The database returned no count for rate limit " + limit);
                    }
                    return count.getLong(1);
                }
            }
        });
    }

    /** Deletes up to {@code limit} windows that started before {@code before}, in the caller's transaction. */
    @Connectable
    public int forgetBefore(Instant before, int limit) {
        return jdbc.prepareStatement("DELETE FROM rate_limit_hit WHERE window_start < ? LIMIT ?", statement -> {
            statement.setLong(1, before.getEpochSecond());
            statement.setInt(2, limit);
            return statement.executeUpdate();
        });
    }
}
