package dev.podium.bench;

import dev.podium.localstack.EmbeddedStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;

/** The running platform as the benchmarks use it: its API for setting scenes up, and its databases for checks. */
final class Podium {

    static final String EVENTS_DB = "podium_events";
    static final String TALKS_DB = "podium_talks";
    static final String NOTIFICATIONS_DB = "podium_notifications";
    /** The services' Connector/J settings (application.yml), so that the JDBC baseline runs the driver as they do. */
    static final String DRIVER_SETTINGS = "&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048"
            + "&useLocalSessionState=true&cacheServerConfiguration=true&cacheResultSetMetadata=true";

    final EmbeddedStack stack;
    final Http http = new Http();
    private final String organiserToken;

    Podium(EmbeddedStack stack) {
        this.stack = stack;
        this.organiserToken = token("bench-organiser", "Bench Organiser", "organiser@bench.podium.test");
    }

    String events() {
        return stack.serviceUrl("events");
    }

    String talks() {
        return stack.serviceUrl("talks");
    }

    String token(String sub, String name, String email) {
        return http.text(stack.issuerUrl() + "/token?sub=" + encode(sub) + "&name=" + encode(name) + "&email=" + encode(email)
                + "&ttl=86400");
    }

    void createGroup(String slug, String name) {
        http.post(events() + "/groups", organiserToken, "{\"slug\":" + Http.json(slug) + ",\"name\":" + Http.json(name)
                + ",\"timeZone\":\"Europe/Paris\",\"language\":\"en\"}").expect(201);
    }

    /** A draft event a month ahead, 19:00 to 22:00 Paris time. */
    String createEvent(String groupSlug, String title, Integer capacity) {
        LocalDateTime starts = LocalDateTime.now().plusDays(30).withHour(19).withMinute(0).withSecond(0).withNano(0);
        return http.post(events() + "/groups/" + groupSlug + "/events", organiserToken, "{\"title\":" + Http.json(title)
                + ",\"description\":" + Http.json("Three talks, then pizza and drinks. " + title)
                + ",\"startsAt\":\"" + starts + "\",\"endsAt\":\"" + starts.plusHours(3) + "\",\"timeZone\":\"Europe/Paris\""
                + (capacity == null ? "" : ",\"capacity\":" + capacity) + "}").expect(201).field("id");
    }

    String createVenue(String name, String address, String city, String country, int capacity) {
        return http.post(events() + "/venues", organiserToken, "{\"name\":" + Http.json(name) + ",\"address\":" + Http.json(address)
                + ",\"city\":" + Http.json(city) + ",\"country\":" + Http.json(country) + ",\"capacity\":" + capacity + "}")
                .expect(201).field("id");
    }

    /** A draft event at a venue, with its announcement as the description. */
    String createEvent(String groupSlug, String title, String description, LocalDateTime starts, String venueId, int capacity) {
        return http.post(events() + "/groups/" + groupSlug + "/events", organiserToken, "{\"title\":" + Http.json(title)
                + ",\"description\":" + Http.json(description) + ",\"startsAt\":\"" + starts + "\",\"endsAt\":\"" + starts.plusHours(3)
                + "\",\"timeZone\":\"Europe/Paris\",\"venueId\":" + Http.json(venueId) + ",\"capacity\":" + capacity + "}")
                .expect(201).field("id");
    }

    void putAgenda(String eventId, String slotsJson) {
        http.put(events() + "/events/" + eventId + "/agenda", organiserToken, "{\"slots\":" + slotsJson + "}").expect(200);
    }

    void publish(String eventId) {
        http.post(events() + "/events/" + eventId + "/publish", organiserToken, "{}").expect(200);
    }

    String publishedEvent(String groupSlug, String title, Integer capacity) {
        String id = createEvent(groupSlug, title, capacity);
        publish(id);
        return id;
    }

    /** As an operator does for a large community moving in: an admin raises the group's daily import quota. */
    void allowImportOf(String groupSlug, int members) {
        String admin = http.text(stack.issuerUrl() + "/token?sub=bench-admin&name=Bench%20Admin&email=admin%40bench.podium.test"
                + "&role=admin&ttl=3600");
        http.put(events() + "/groups/" + groupSlug + "/quotas", admin, "{\"importedMembersPerDay\":" + members + "}").expect(200);
    }

    void importMembers(String groupSlug, int count, String prefix) {
        int chunk = 5_000;
        for (int from = 0; from < count; from += chunk) {
            StringBuilder csv = new StringBuilder("name,email\n");
            for (int i = from; i < Math.min(count, from + chunk); i++) {
                csv.append("Member ").append(i).append(',').append(prefix).append(i).append("@bench.podium.test\n");
            }
            http.postCsv(events() + "/groups/" + groupSlug + "/members/import", organiserToken, csv.toString()).expect(200);
        }
    }

    String rsvpJson(String name, String email) {
        return "{\"name\":" + Http.json(name) + ",\"email\":" + Http.json(email) + "}";
    }

    String rsvpUrl(String eventId) {
        return events() + "/events/" + eventId + "/registrations";
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database) + "&rewriteBatchedStatements=true", stack.dbUser(), stack.dbPassword());
    }

    /** The local database server's root (no password on the local stack), for the baselines' scratch schema. */
    Connection connectAsRoot(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database) + DRIVER_SETTINGS, "root", "");
    }

    long count(String database, String sql, Object... parameters) {
        try (Connection connection = connect(database); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until nothing is left in flight: every outbox relayed and no email waiting to go out. Each
     * measurement starts on a quiet platform, so one does not pay for the previous one's emails.
     */
    void awaitQuiet(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietPolls = 0;
        while (true) {
            long busy = 0;
            for (String database : new String[] {EVENTS_DB, TALKS_DB, NOTIFICATIONS_DB}) {
                busy += count(database, "SELECT COUNT(*) FROM outbox WHERE published_at IS NULL");
            }
            busy += count(NOTIFICATIONS_DB, "SELECT COUNT(*) FROM delivery WHERE status IN ('PENDING', 'SENDING')");
            // Three quiet polls in a row: a consumer may be about to record what it just read from Kafka.
            quietPolls = busy == 0 ? quietPolls + 1 : 0;
            if (quietPolls == 3) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Still " + busy + " messages or deliveries in flight after " + timeout);
            }
            sleep(500);
        }
    }

    void awaitCount(String database, long expected, Duration timeout, String sql, Object... parameters) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen;
        while ((seen = count(database, sql, parameters)) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Expected " + expected + ", saw " + seen + " after " + timeout + ": " + sql);
            }
            sleep(200);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
