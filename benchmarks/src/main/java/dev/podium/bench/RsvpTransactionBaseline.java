package dev.podium.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database's limit for an RSVP: a plain JDBC program doing the RSVP's transaction (lock the event,
 * look for an existing RSVP, count the confirmed seats, read the group, insert the RSVP and its outbox
 * message, commit), from as many clients, over as many connections as the service's pool. It writes
 * to copies of events-service's tables in a scratch schema, so the service's relay never sees its rows.
 */
final class RsvpTransactionBaseline {

    private static final String SCHEMA = "bench_baseline";

    private final Podium podium;

    RsvpTransactionBaseline(Podium podium) {
        this.podium = podium;
    }

    record Result(Duration elapsed, int confirmed, int waitlisted) {
        double perSecond(int total) {
            return total / (elapsed.toNanos() / 1e9);
        }
    }

    /** Copies the tables (and the event's and its group's rows) into the scratch schema. */
    void prepare(String eventId) throws SQLException {
        try (Connection root = podium.connectAsRoot(Podium.EVENTS_DB); Statement statement = root.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            statement.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String table : List.of("event_group", "event", "registration", "outbox")) {
                statement.execute("CREATE TABLE " + SCHEMA + "." + table + " LIKE podium_events." + table);
            }
            statement.execute("ALTER TABLE " + SCHEMA + ".registration ADD CONSTRAINT fk_registration_event "
                    + "FOREIGN KEY (event_id) REFERENCES " + SCHEMA + ".event (id)");
            statement.execute("INSERT INTO " + SCHEMA + ".event_group SELECT g.* FROM podium_events.event_group g "
                    + "JOIN podium_events.event e ON e.group_id = g.id WHERE e.id = '" + eventId + "'");
            statement.execute("INSERT INTO " + SCHEMA + ".event SELECT * FROM podium_events.event WHERE id = '" + eventId + "'");
        }
    }

    /** {@code clients} RSVPs to the event over {@code connections} connections, all queued at once. */
    Result run(String eventId, int clients, int connections, String payload) throws Exception {
        List<Connection> pool = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Connection connection = podium.connectAsRoot(SCHEMA);
            connection.setAutoCommit(false);
            pool.add(connection);
        }
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        ThreadLocal<Connection> own = new ThreadLocal<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger waitlisted = new AtomicInteger();
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            done.add(workers.submit(() -> {
                if (own.get() == null) {
                    own.set(pool.get(next.getAndIncrement()));
                }
                boolean seat = rsvp(own.get(), eventId, "Baseline " + client, "baseline-" + client + "@bench.podium.test", payload);
                (seat ? confirmed : waitlisted).incrementAndGet();
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        workers.shutdown();
        for (Connection connection : pool) {
            connection.close();
        }
        return new Result(elapsed, confirmed.get(), waitlisted.get());
    }

    private static boolean rsvp(Connection connection, String eventId, String name, String email, String payload)
            throws SQLException {
        try {
            Integer capacity;
            String groupId;
            try (PreparedStatement lock = connection.prepareStatement("SELECT * FROM event WHERE id = ? FOR UPDATE")) {
                lock.setString(1, eventId);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    capacity = (Integer) row.getObject("capacity");
                    groupId = row.getString("group_id");
                }
            }
            try (PreparedStatement existing = connection.prepareStatement(
                    "SELECT id, event_id, name, email, status, created_at, promoted_at, cancelled_at FROM registration WHERE event_id = ? AND active_email = ?")) {
                existing.setString(1, eventId);
                existing.setString(2, email);
                existing.executeQuery().close();
            }
            long confirmed;
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM registration WHERE event_id = ? AND status = 'CONFIRMED'")) {
                count.setString(1, eventId);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    confirmed = row.getLong(1);
                }
            }
            boolean seat = capacity == null || confirmed < capacity;
            String id = UUID.randomUUID().toString();
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO registration (id, event_id, name, email, status, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, eventId);
                insert.setString(3, name);
                insert.setString(4, email);
                insert.setString(5, seat ? "CONFIRMED" : "WAITLISTED");
                insert.setTimestamp(6, now);
                insert.executeUpdate();
            }
            try (PreparedStatement group = connection.prepareStatement("SELECT * FROM event_group WHERE id = ?")) {
                group.setString(1, groupId);
                group.executeQuery().close();
            }
            if (!seat) {
                try (PreparedStatement position = connection.prepareStatement("""
                        SELECT COUNT(*) FROM registration w WHERE w.event_id = ? AND w.status = 'WAITLISTED'
                          AND w.seq <= (SELECT r.seq FROM registration r WHERE r.id = ?)""")) {
                    position.setString(1, eventId);
                    position.setString(2, id);
                    position.executeQuery().close();
                }
            }
            try (PreparedStatement outbox = connection.prepareStatement(
                    "INSERT INTO outbox (message_id, topic, message_key, type, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                outbox.setString(1, UUID.randomUUID().toString());
                outbox.setString(2, "podium.events.registration.v1");
                outbox.setString(3, eventId);
                outbox.setString(4, seat ? "RegistrationConfirmed" : "RegistrationWaitlisted");
                outbox.setString(5, payload.replace("{{email}}", email));
                outbox.setTimestamp(6, now);
                outbox.executeUpdate();
            }
            connection.commit();
            return seat;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    void dropScratchSchema() throws SQLException {
        try (Connection root = podium.connectAsRoot(Podium.EVENTS_DB); Statement statement = root.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        }
    }
}
