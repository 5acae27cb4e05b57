package dev.podium.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The SQL statements each schema's clients send while some work runs, counted from MariaDB's general log
 * (switched on, into the {@code mysql.general_log} table, only for that while). The services share one
 * database account, but each connects to its own schema, which names the service; a connection is told
 * apart by its thread id, mapped to its account and schema by its Connect line in the log or, for a
 * connection opened before, by the server's process list. Round trips that are not statements (Connect,
 * Quit) are left out; COMMIT, ROLLBACK and SET autocommit count, as they cost a round trip each.
 */
final class StatementCounts {

    /** What one account and schema sent: statements in all, and the most frequent shapes (literals replaced by ?). */
    record Counts(long statements, Map<String, Long> shapes) {
        String top(int n, double per) {
            return shapes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                    .map(e -> String.format(Locale.ROOT, "%.2f × `%s`", e.getValue() / per, e.getKey()))
                    .collect(Collectors.joining("; "));
        }
    }

    interface Work {
        void run() throws Exception;
    }

    private static final Map<String, String> SERVICES = Map.of(Podium.EVENTS_DB, "events-service",
            Podium.TALKS_DB, "talks-service", Podium.NOTIFICATIONS_DB, "notifications-service");

    private final Podium podium;

    StatementCounts(Podium podium) {
        this.podium = podium;
    }

    /** The statements by "account schema" (for example {@code podium podium_events}) while {@code work} ran. */
    Map<String, Counts> during(Work work) throws Exception {
        try (Connection root = podium.connectAsRoot(Podium.EVENTS_DB); Statement sql = root.createStatement()) {
            sql.execute("SET GLOBAL general_log = 0");
            sql.execute("SET GLOBAL log_output = 'TABLE'");
            sql.execute("TRUNCATE TABLE mysql.general_log");
            sql.execute("SET GLOBAL general_log = 1");
            try {
                work.run();
            } finally {
                sql.execute("SET GLOBAL general_log = 0");
            }
            Map<Long, String> owners = owners(sql);
            Map<String, Counts> counts = new TreeMap<>();
            try (ResultSet rows = sql.executeQuery("""
                    SELECT thread_id, LEFT(REGEXP_REPLACE(REGEXP_REPLACE(CONVERT(argument USING utf8mb4),
                             '''([^''\\\\\\\\]|\\\\\\\\.)*''', '?'), '\\\\b[0-9]+\\\\b', '?'), 110) AS shape, COUNT(*)
                    FROM mysql.general_log WHERE command_type NOT IN ('Connect', 'Quit')
                    GROUP BY thread_id, shape""")) {
                while (rows.next()) {
                    String owner = owners.get(rows.getLong(1));
                    if (owner == null) {
                        continue;
                    }
                    Counts before = counts.getOrDefault(owner, new Counts(0, new HashMap<>()));
                    before.shapes().merge(rows.getString(2).replaceAll("\\s+", " "), rows.getLong(3), Long::sum);
                    counts.put(owner, new Counts(before.statements() + rows.getLong(3), before.shapes()));
                }
            }
            sql.execute("TRUNCATE TABLE mysql.general_log");
            return counts;
        }
    }

    /** Thread id → "account schema", for every connection but this one. */
    private static Map<Long, String> owners(Statement sql) throws SQLException {
        Map<Long, String> owners = new HashMap<>();
        try (ResultSet rows = sql.executeQuery("SELECT ID, USER, DB FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()")) {
            while (rows.next()) {
                owners.put(rows.getLong(1), rows.getString(2) + " " + rows.getString(3));
            }
        }
        // "podium@localhost on podium_events using TCP/IP"
        try (ResultSet rows = sql.executeQuery("""
                SELECT thread_id, SUBSTRING_INDEX(argument, '@', 1),
                       SUBSTRING_INDEX(SUBSTRING_INDEX(argument, ' on ', -1), ' ', 1)
                FROM mysql.general_log WHERE command_type = 'Connect' AND argument LIKE '% on %'""")) {
            while (rows.next()) {
                owners.put(rows.getLong(1), rows.getString(2) + " " + rows.getString(3));
            }
        }
        return owners;
    }

    /** Per service (events-service, …): the statements of the services' account on the service's schema. */
    static Map<String, Counts> byService(Map<String, Counts> counts) {
        Map<String, Counts> services = new LinkedHashMap<>();
        for (String schema : List.of(Podium.EVENTS_DB, Podium.NOTIFICATIONS_DB, Podium.TALKS_DB)) {
            services.put(SERVICES.get(schema), counts.getOrDefault("podium " + schema, new Counts(0, Map.of())));
        }
        return services;
    }

    /**
     * As {@link Podium#awaitQuiet}, over root's connections: the services' account is the one counted, and
     * the benchmark's own checks must not be.
     */
    void awaitQuietAsRoot(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietPolls = 0;
        try (Connection root = podium.connectAsRoot(Podium.EVENTS_DB); Statement sql = root.createStatement()) {
            while (quietPolls < 3) {
                long busy = 0;
                for (String database : List.of(Podium.EVENTS_DB, Podium.TALKS_DB, Podium.NOTIFICATIONS_DB)) {
                    busy += count(sql, "SELECT COUNT(*) FROM " + database + ".outbox WHERE published_at IS NULL");
                }
                busy += count(sql, "SELECT COUNT(*) FROM " + Podium.NOTIFICATIONS_DB
                        + ".delivery WHERE status IN ('PENDING', 'SENDING')");
                quietPolls = busy == 0 ? quietPolls + 1 : 0;
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Still " + busy + " messages or deliveries in flight after " + timeout);
                }
                if (quietPolls < 3) {
                    Podium.sleep(500);
                }
            }
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
