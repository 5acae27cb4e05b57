package dev.podium.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * 5. Catalogue reads with 100,000 talks in the archive: GET /events?when=upcoming and GET /talks?q=.
 * Requests/s from 8 clients in a closed loop (the service saturated); p99 at a steady 50 requests/s
 * (on two cores, a saturating closed loop measures its own queue, not the request). Baseline: GET
 * /health of the same service, loaded the same way.
 */
final class CatalogueReads {

    static final int TALKS = Integer.getInteger("bench.talks", 100_000);
    static final int GROUPS = 200;
    static final int CLIENTS = 8;
    static final int RATE = 50;
    static final Duration DURATION = Duration.ofSeconds(20);

    private final Podium podium;
    private final Report report;
    private final Path seeds;

    CatalogueReads(Podium podium, Report report, Path seeds) {
        this.podium = podium;
        this.report = report;
        this.seeds = seeds;
    }

    void run() throws Exception {
        String section = "5. Catalogue reads";
        long started = System.nanoTime();
        CatalogueLoader.Catalogue catalogue = new CatalogueLoader(podium, seeds).load(GROUPS, 5, 25, TALKS);
        report.note(String.format("Catalogue: loaded %d groups, %,d upcoming and %,d past events, %,d accepted talks in %.1f s "
                        + "(CatalogueLoader, batched JDBC); the most frequent words %s, rarer words %s", catalogue.groups(),
                catalogue.upcomingEvents(), catalogue.pastEvents(), catalogue.talks(), (System.nanoTime() - started) / 1e9,
                catalogue.commonTerms(), catalogue.specificTerms()));
        for (String term : catalogue.commonTerms().subList(0, 2)) {
            report.note(String.format("Catalogue: \"%s\" is in %,d of the %,d talks", term, podium.count(Podium.TALKS_DB,
                    "SELECT COUNT(*) FROM submission WHERE MATCH (title, abstract_text, speakers_text) AGAINST (?)", term), catalogue.talks()));
        }

        measure(section, "GET /events?when=upcoming", i -> podium.events() + "/events?when=upcoming&page=" + (1 + i % 3),
                podium.events());
        List<String> specific = catalogue.specificTerms();
        measure(section, "GET /talks?q=<a rarer word>", i -> podium.talks() + "/talks?q="
                + URLEncoder.encode(specific.get(i % specific.size()), StandardCharsets.UTF_8), podium.talks());
        List<String> common = catalogue.commonTerms();
        measureOneClient(section, "GET /talks?q=<one of the 6 most frequent words>", i -> podium.talks() + "/talks?q="
                + URLEncoder.encode(common.get(i % common.size()), StandardCharsets.UTF_8));
    }

    /** Words found in a large share of the archive take far longer: one client at a time, so they do not queue. */
    private void measureOneClient(String section, String name, java.util.function.IntFunction<String> url) {
        Load.Run reads = Load.closed(1, DURATION, i -> podium.http.getAsync(url.apply(i)));
        if (reads.withStatus(200) != reads.total()) {
            throw new IllegalStateException(name + " answered " + reads.statuses());
        }
        double p99 = reads.latencies().percentileMillis(99);
        report.add(new Report.Figure(section, name + ": p99, one client", p99, Double.NaN, "ms", false, "< 50 ms", p99 < 50));
        report.add(new Report.Figure(section, name + ": p50, one client", reads.latencies().percentileMillis(50), Double.NaN,
                "ms", false, null, null));
    }

    private void measure(String section, String name, java.util.function.IntFunction<String> url, String service) {
        Load.closed(CLIENTS, Duration.ofSeconds(5), i -> podium.http.getAsync(url.apply(i))); // warm-up
        Load.Run reads = Load.closed(CLIENTS, DURATION, i -> podium.http.getAsync(url.apply(i)));
        Load.Run health = Load.closed(CLIENTS, Duration.ofSeconds(10), i -> podium.http.getAsync(service + "/health"));
        Load.Run steady = Load.steady(RATE, DURATION, i -> podium.http.getAsync(url.apply(i)), null);
        Load.Run healthSteady = Load.steady(RATE, Duration.ofSeconds(10), i -> podium.http.getAsync(service + "/health"), null);
        if (reads.withStatus(200) != reads.total() || steady.withStatus(200) != steady.total()) {
            throw new IllegalStateException(name + " answered " + reads.statuses() + " and " + steady.statuses());
        }
        report.add(new Report.Figure(section, name + ": requests/s, " + CLIENTS + " clients (baseline: GET /health)",
                reads.perSecond(), health.perSecond(), "/s", true, null, null));
        report.add(new Report.Figure(section, name + ": p99 with " + CLIENTS + " clients (baseline: GET /health)",
                reads.latencies().percentileMillis(99), health.latencies().percentileMillis(99), "ms", false, null, null));
        double p99 = steady.latencies().percentileMillis(99);
        report.add(new Report.Figure(section, name + ": p99 at a steady " + RATE + "/s (baseline: GET /health)", p99,
                healthSteady.latencies().percentileMillis(99), "ms", false, "< 50 ms", p99 < 50));
    }
}
