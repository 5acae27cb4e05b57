package dev.podium.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

/**
 * 1. RSVP rush: 2,000 clients RSVP at once to one event of capacity 500; then a steady 300 RSVPs/s.
 * Baselines: the same transaction over plain JDBC (the database's limit), and /health (the HTTP floor).
 */
final class RsvpRush {

    static final int CLIENTS = 2_000;
    static final int CAPACITY = 500;
    static final int POOL_SIZE = 20; // the services' DB_POOL_SIZE default
    static final int STEADY_RATE = 300;
    static final Duration STEADY = Duration.ofSeconds(30);
    static final int COUNTED = RsvpStatements.RSVPS;
    /**
     * Micronaut's liveness probe: its only indicator looks for deadlocked threads in the JVM, so it measures
     * the HTTP stack alone, where /health also asks the database and Kafka.
     */
    static final String LIVENESS = "/health/liveness";

    private final Podium podium;
    private final Report report;

    RsvpRush(Podium podium, Report report) {
        this.podium = podium;
        this.report = report;
    }

    void run() throws Exception {
        try (Progress progress = Progress.start("RSVP rush", STEPS)) {
            run(progress);
        }
    }

    private static final String SETTLING = "waiting until every message is relayed and every email sent";
    private static final List<Progress.Step> STEPS = List.of(
            new Progress.Step("warm-up", Duration.ofSeconds(40)),
            new Progress.Step("2,000 RSVPs at once", Duration.ofSeconds(15)),
            new Progress.Step(SETTLING, Duration.ofSeconds(30)),
            new Progress.Step("the JDBC baseline", Duration.ofSeconds(10)),
            new Progress.Step("2,000 × GET /health at once", Duration.ofSeconds(8)),
            new Progress.Step("2,000 × GET /health/liveness at once", Duration.ofSeconds(5)),
            new Progress.Step("SQL statements per RSVP", Duration.ofSeconds(40)),
            new Progress.Step("300 RSVPs/s for 30 s", Duration.ofSeconds(35)),
            new Progress.Step(SETTLING, Duration.ofSeconds(30)),
            new Progress.Step("GET /health at 300/s", Duration.ofSeconds(10)),
            new Progress.Step("GET /health/liveness at 300/s", Duration.ofSeconds(10)),
            new Progress.Step(SETTLING, Duration.ofSeconds(5)));

    private void run(Progress progress) throws Exception {
        String section = "1. RSVP rush";
        podium.createGroup("rush", "RSVP rush");
        progress.step("warm-up", 3_000);
        warmUp();

        String rushEvent = podium.publishedEvent("rush", "Popular meetup", CAPACITY);
        progress.step("2,000 RSVPs at once", CLIENTS);
        CpuUsage cpu = CpuUsage.start(podium.stack.dataFolder());
        Load.Run burst = Load.burst(CLIENTS, i -> podium.http.postAsync(podium.rsvpUrl(rushEvent),
                podium.rsvpJson("Rush " + i, "rush-" + i + "@bench.podium.test")));
        report.note("RSVP rush: CPU time during the burst: " + cpu.since());
        long confirmed = podium.count(Podium.EVENTS_DB,
                "SELECT COUNT(*) FROM registration WHERE event_id = ? AND status = 'CONFIRMED'", rushEvent);
        long waitlisted = podium.count(Podium.EVENTS_DB,
                "SELECT COUNT(*) FROM registration WHERE event_id = ? AND status = 'WAITLISTED'", rushEvent);
        report.note(String.format("RSVP rush: %d × 201, other answers %s, %d failed connections; the database holds "
                        + "%d CONFIRMED (capacity %d) and %d WAITLISTED", burst.withStatus(201), burst.statuses(), burst.failures(),
                confirmed, CAPACITY, waitlisted));

        progress.step(SETTLING, 0);
        podium.awaitQuiet(Duration.ofMinutes(5));
        progress.step("the JDBC baseline", 0);
        RsvpTransactionBaseline jdbc = new RsvpTransactionBaseline(podium);
        String baselineEvent = podium.publishedEvent("rush", "Popular meetup (JDBC baseline)", CAPACITY);
        jdbc.prepare(baselineEvent);
        cpu = CpuUsage.start(podium.stack.dataFolder());
        String payload = outboxPayload(rushEvent);
        RsvpTransactionBaseline.Result database = jdbc.run(baselineEvent, CLIENTS, POOL_SIZE, payload);
        report.note("RSVP rush: CPU time during the JDBC baseline: " + cpu.since());
        jdbc.dropScratchSchema();
        if (database.confirmed() != CAPACITY) {
            throw new IllegalStateException("The JDBC baseline confirmed " + database.confirmed());
        }
        progress.step("2,000 × GET /health at once", CLIENTS);
        Load.Run health = Load.burst(CLIENTS, i -> podium.http.getAsync(podium.events() + "/health"));
        progress.step("2,000 × GET /health/liveness at once", CLIENTS);
        Load.Run liveness = Load.burst(CLIENTS, i -> podium.http.getAsync(podium.events() + LIVENESS));
        liveness.expectAll(200, LIVENESS);

        double rsvpsPerSecond = burst.perSecond();
        double jdbcPerSecond = database.perSecond(CLIENTS);
        report.add(new Report.Figure(section, "2,000 RSVPs at once: RSVPs/s (baseline: same transaction over JDBC, "
                + POOL_SIZE + " connections)", rsvpsPerSecond, jdbcPerSecond, "/s", true, "≥ 70 % of JDBC",
                rsvpsPerSecond >= 0.7 * jdbcPerSecond));
        report.add(new Report.Figure(section, "2,000 RSVPs at once: drain time (baseline: JDBC)",
                burst.elapsed().toMillis(), database.elapsed().toMillis(), "ms", false, null, null));
        report.add(new Report.Figure(section, "2,000 × GET /health/liveness at once: requests/s (the HTTP floor, no I/O)",
                rsvpsPerSecond, liveness.perSecond(), "/s", true, null, null));
        report.add(new Report.Figure(section, "2,000 × GET /health at once: requests/s (the HTTP floor with the health "
                + "checks: database and Kafka on every call)", rsvpsPerSecond, health.perSecond(), "/s", true, null, null));
        report.add(new Report.Figure(section, "confirmed of " + CLIENTS + " (baseline: the capacity)", confirmed, CAPACITY,
                "RSVPs", true, "exactly " + CAPACITY + ", every RSVP answered 201", confirmed == CAPACITY && burst.withStatus(201) == CLIENTS));

        progress.step("SQL statements per RSVP", COUNTED);
        new RsvpStatements(podium, report, section).measure(payload);

        String steadyEvent = podium.publishedEvent("rush", "Popular meetup (steady)", CAPACITY);
        progress.step("300 RSVPs/s for 30 s", (int) (STEADY_RATE * STEADY.toSeconds()));
        Load.Run steady = Load.steady(STEADY_RATE, STEADY, i -> podium.http.postAsync(podium.rsvpUrl(steadyEvent),
                podium.rsvpJson("Steady " + i, "steady-" + i + "@bench.podium.test")), null);
        progress.step(SETTLING, 0);
        podium.awaitQuiet(Duration.ofMinutes(5));
        progress.step("GET /health at 300/s", STEADY_RATE * 10);
        Load.Run healthSteady = Load.steady(STEADY_RATE, Duration.ofSeconds(10), i -> podium.http.getAsync(podium.events() + "/health"), null);
        progress.step("GET /health/liveness at 300/s", STEADY_RATE * 10);
        Load.Run livenessSteady = Load.steady(STEADY_RATE, Duration.ofSeconds(10), i -> podium.http.getAsync(podium.events() + LIVENESS), null);
        report.note(String.format("Steady RSVPs: %d sent at %d/s for %d s, answers %s, %d failed", steady.total(),
                STEADY_RATE, STEADY.toSeconds(), steady.statuses(), steady.failures()));
        double p50 = steady.latencies().percentileMillis(50);
        double p99 = steady.latencies().percentileMillis(99);
        report.add(new Report.Figure(section, "p50 at a steady 300 RSVPs/s (baseline: GET /health/liveness at 300/s)", p50,
                livenessSteady.latencies().percentileMillis(50), "ms", false, null, null));
        report.add(new Report.Figure(section, "p99 at a steady 300 RSVPs/s (baseline: GET /health/liveness at 300/s)", p99,
                livenessSteady.latencies().percentileMillis(99), "ms", false, "< 100 ms", p99 < 100));
        report.add(new Report.Figure(section, "p99 of GET /health at a steady 300/s (baseline: GET /health/liveness at 300/s)",
                healthSteady.latencies().percentileMillis(99), livenessSteady.latencies().percentileMillis(99), "ms", false,
                null, null));
        progress.step(SETTLING, 0);
        podium.awaitQuiet(Duration.ofMinutes(5));
    }

    /** JIT-compiles the RSVP path before anything is measured: 2,000 RSVPs at 200/s, then a burst of 500. */
    private void warmUp() {
        String warmUp = podium.publishedEvent("rush", "Warm-up", 100);
        Load.steady(200, Duration.ofSeconds(10), i -> podium.http.postAsync(podium.rsvpUrl(warmUp),
                podium.rsvpJson("Warm " + i, "warm-" + i + "@bench.podium.test")), null);
        Load.burst(500, i -> podium.http.postAsync(podium.rsvpUrl(warmUp),
                podium.rsvpJson("Warm burst " + i, "warm-burst-" + i + "@bench.podium.test")));
        Load.burst(500, i -> podium.http.getAsync(podium.events() + "/health"));
        podium.awaitQuiet(Duration.ofMinutes(5));
    }

    /** A real RegistrationConfirmed payload of the rush, as the baseline's outbox message ({{email}} replaced per RSVP). */
    private String outboxPayload(String eventId) throws Exception {
        try (Connection connection = podium.connect(Podium.EVENTS_DB);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT payload FROM outbox WHERE payload LIKE ? ORDER BY seq DESC LIMIT 1")) {
            statement.setString(1, "%" + eventId + "%rush-%");
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return "{\"email\":\"{{email}}\"}";
                }
                return row.getString(1).replaceAll("rush-\\d+@bench\\.podium\\.test", "{{email}}");
            }
        }
    }
}
