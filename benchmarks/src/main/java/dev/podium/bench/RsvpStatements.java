package dev.podium.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * SQL statements per RSVP, per service: {@value #RSVPS} RSVPs at {@value #RATE}/s to an event where a
 * quarter get a seat (as in the rush), counted until every message is relayed and every email sent;
 * the baseline is the JDBC transaction of {@link RsvpTransactionBaseline}, counted the same way. The
 * services' polling while idle is measured first and shown beside, since the count includes it.
 */
final class RsvpStatements {

    static final int RSVPS = 400;
    private static final int RATE = 100;
    private static final Duration IDLE = Duration.ofSeconds(5);

    private final Podium podium;
    private final Report report;
    private final String section;
    private final StatementCounts counter;

    RsvpStatements(Podium podium, Report report, String section) {
        this.podium = podium;
        this.report = report;
        this.section = section;
        this.counter = new StatementCounts(podium);
    }

    void measure(String outboxPayload) throws Exception {
        String event = podium.publishedEvent("rush", "Popular meetup (statements counted)", RSVPS / 4);
        counter.awaitQuietAsRoot(Duration.ofMinutes(5));
        Map<String, StatementCounts.Counts> idle = StatementCounts.byService(counter.during(() -> Podium.sleep(IDLE.toMillis())));
        long[] window = new long[1];
        Map<String, StatementCounts.Counts> rsvps = StatementCounts.byService(counter.during(() -> {
            long started = System.nanoTime();
            Load.steady(RATE, Duration.ofSeconds(RSVPS / RATE), i -> podium.http.postAsync(podium.rsvpUrl(event),
                    podium.rsvpJson("Counted " + i, "counted-" + i + "@bench.podium.test")), null).expectAll(201, "counted RSVPs");
            counter.awaitQuietAsRoot(Duration.ofMinutes(5));
            window[0] = (System.nanoTime() - started) / 1_000_000;
        }));

        RsvpTransactionBaseline jdbc = new RsvpTransactionBaseline(podium);
        String baselineEvent = podium.publishedEvent("rush", "Popular meetup (JDBC statements counted)", RSVPS / 4);
        counter.awaitQuietAsRoot(Duration.ofMinutes(5));
        jdbc.prepare(baselineEvent);
        Map<String, StatementCounts.Counts> baseline = counter.during(() -> jdbc.run(baselineEvent, RSVPS, RsvpRush.POOL_SIZE,
                outboxPayload));
        jdbc.dropScratchSchema();
        double baselinePerRsvp = baseline.getOrDefault("root bench_baseline", new StatementCounts.Counts(0, Map.of())).statements()
                / (double) RSVPS;

        StringBuilder idleNote = new StringBuilder();
        rsvps.forEach((service, counts) -> {
            boolean events = service.equals("events-service");
            report.add(new Report.Figure(section, "SQL statements per RSVP: " + service
                    + (events ? " (baseline: the JDBC transaction)" : ""), counts.statements() / (double) RSVPS,
                    events ? baselinePerRsvp : Double.NaN, "statements", false, null, null));
            report.note(String.format(Locale.ROOT, "SQL statements per RSVP, %s, most frequent: %s", service,
                    counts.top(12, RSVPS)));
            idleNote.append(String.format(Locale.ROOT, "%s%s %.1f/s", idleNote.length() == 0 ? "" : ", ", service,
                    idle.get(service).statements() / (double) IDLE.toSeconds()));
        });
        report.note(String.format(Locale.ROOT, "SQL statements per RSVP: %d RSVPs at %d/s, counted from the first RSVP until "
                        + "all was relayed and sent (%,d ms), from MariaDB's general log; idle, the services send %s "
                        + "(included in the figures above); the JDBC baseline's transaction: %s", RSVPS, RATE, window[0], idleNote,
                baseline.getOrDefault("root bench_baseline", new StatementCounts.Counts(0, Map.of())).top(10, RSVPS)));
    }
}
