package dev.podium.security.quota;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Counts what a quota limits in the {@code quota_usage} table, per (quota, subject, UTC day), in the
 * caller's transaction: a change that fails later gives its share back, and the row lock taken by the
 * conditional increment makes replicas wait for each other, so two of them never both take the last
 * unit. Services that use it enable it with {@code podium.quotas.enabled} and create the table.
 */
@Singleton
@Requires(property = "podium.quotas.enabled", value = "true")
public class DailyQuotas {

    private final JdbcOperations jdbc;
    private final Clock clock;

    DailyQuotas(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Takes {@code amount} of today's {@code limit}, or throws {@link QuotaReached} (429, retry
     * tomorrow) when what is left today is not enough, or {@link OverQuota} (403) when even a
     * whole day's quota is not.
     */
    public void consume(Quota quota, String subject, long amount, long limit) {
        if (amount <= 0) {
            return;
        }
        if (amount > limit) {
            throw new OverQuota(quota, "a day", limit, amount);
        }
        long day = today();
        // Not INSERT IGNORE: on an existing row that takes a shared lock, and two requests both holding one would
        // deadlock on the UPDATE's exclusive lock. This takes the exclusive lock at once.
        jdbc.prepareStatement("INSERT INTO quota_usage (quota, subject, day, used) VALUES (?, ?, ?, 0)"
                + " ON DUPLICATE KEY UPDATE used = used", statement -> {
            statement.setString(1, quota.name());
            statement.setString(2, subject);
            statement.setLong(3, day);
            return statement.executeUpdate();
        });
        int taken = jdbc.prepareStatement(
                "UPDATE quota_usage SET used = used + ? WHERE quota = ? AND subject = ? AND day = ? AND used + ? <= ?",
                statement -> {
                    statement.setLong(1, amount);
                    statement.setString(2, quota.name());
                    statement.setString(3, subject);
                    statement.setLong(4, day);
                    statement.setLong(5, amount);
                    statement.setLong(6, limit);
                    return statement.executeUpdate();
                });
        if (taken == 0) {
            throw new QuotaReached(quota, limit, usedToday(quota, subject), amount, untilTomorrow());
        }
    }

    /** How much of the quota the subject used today (UTC). */
    public long usedToday(Quota quota, String subject) {
        return jdbc.prepareStatement("SELECT used FROM quota_usage WHERE quota = ? AND subject = ? AND day = ?", statement -> {
            statement.setString(1, quota.name());
            statement.setString(2, subject);
            statement.setLong(3, today());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getLong(1) : 0L;
            }
        });
    }

    /** When today's quotas start again: the next UTC midnight. */
    public Instant resetsAt() {
        return LocalDate.ofEpochDay(today() + 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Deletes up to {@code limit} rows of days before {@code before}'s, in the caller's transaction. */
    int forgetDaysBefore(Instant before, int limit) {
        return jdbc.prepareStatement("DELETE FROM quota_usage WHERE day < ? LIMIT ?", statement -> {
            statement.setLong(1, LocalDate.ofInstant(before, ZoneOffset.UTC).toEpochDay());
            statement.setInt(2, limit);
            return statement.executeUpdate();
        });
    }

    private long today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toEpochDay();
    }

    private Duration untilTomorrow() {
        return Duration.between(clock.instant(), resetsAt());
    }
}
