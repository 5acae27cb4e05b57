package dev.podium.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * 5. Catalogue reads with 100,000 talks in the archive (5b: 1,000,000, {@code catalogue-1m}): GET
 * /events?when=upcoming and GET /talks?q=. Requests/s from 8 clients in a closed loop (the service
 * saturated); p99 at a steady 50 requests/s (on two cores, a saturating closed loop measures its own
 * queue, not the request). Baseline: GET /health of the same service, loaded the same way. Also how
 * long talks-service's search index takes to follow the load, and to be rebuilt from the database (a
 * restart on an empty index folder, to a ready /health).
 */
final class CatalogueReads {

    static final int TALKS = Integer.getInteger("bench.talks", 100_000);
    static final int MILLION = 1_000_000;
    static final int GROUPS = 200;
    static final int CLIENTS = 8;
    static final int RATE = 50;
    static final Duration DURATION = Duration.ofSeconds(20);

    private final Podium podium;
    private final Report report;
    private final Path seeds;
    private final int talks;
    private final String section;

    CatalogueReads(Podium podium, Report report, Path seeds, int talks, String section) {
        this.podium = podium;
        this.report = report;
        this.seeds = seeds;
        this.talks = talks;
        this.section = section;
    }

    void run() throws Exception {
        long started = System.nanoTime();
        CatalogueLoader.Catalogue catalogue = new CatalogueLoader(podium, seeds).load(GROUPS, 5, 25, talks);
        long loaded = System.nanoTime();
        report.note(String.format("%s: loaded %d groups, %,d upcoming and %,d past events, %,d accepted talks in %.1f s "
                        + "(CatalogueLoader, batched JDBC); the most frequent words %s, rarer words %s", section, catalogue.groups(),
                catalogue.upcomingEvents(), catalogue.pastEvents(), catalogue.talks(), (loaded - started) / 1e9,
                catalogue.commonTerms(), catalogue.specificTerms()));
        if (talks < MILLION) {
            awaitSearchable(catalogue.talks(), Duration.ofMinutes(30));
            report.note(String.format("%s: the search index held all %,d talks %.1f s after the load's last commit (it follows the "
                    + "load as it goes: %.1f s from the load's start)", section, catalogue.talks(), (System.nanoTime() - loaded) / 1e9,
                    (System.nanoTime() - started) / 1e9));
        }
        // With 1,000,000 talks a restart (a rebuild from the tables) is quicker than following the load's 4,000,000 changes.
        measureRebuild(catalogue.talks());
        for (String term : catalogue.commonTerms().subList(0, 2)) {
            report.note(String.format("%s: \"%s\" is in %,d of the %,d talks", section, term, total("q=" + encode(term)),
                    catalogue.talks()));
        }

        measure(section, "GET /events?when=upcoming", i -> podium.events() + "/events?when=upcoming&page=" + (1 + i % 3),
                podium.events());
        List<String> specific = catalogue.specificTerms();
        measure(section, "GET /talks?q=<a rarer word>", i -> podium.talks() + "/talks?q="
                + URLEncoder.encode(specific.get(i % specific.size()), StandardCharsets.UTF_8), podium.talks());
        List<String> common = catalogue.commonTerms();
        measureOneClient(section, "GET /talks?q=<one of the 6 most frequent words>", i -> podium.talks() + "/talks?q="
                + URLEncoder.encode(common.get(i % common.size()), StandardCharsets.UTF_8));
        measure(section, "GET /talks?q=<one of the 6 most frequent words>", i -> podium.talks() + "/talks?q="
                + URLEncoder.encode(common.get(i % common.size()), StandardCharsets.UTF_8), podium.talks());
    }

    /**
     * talks-service started on an empty index folder (the local stack gives it a temporary one) rebuilds its index
     * from the database before /health says ready: the restart's time to ready, less a start on an empty archive
     * (footprint's start-up row), is the rebuild.
     */
    private void measureRebuild(int count) {
        Duration toReady = podium.stack.restartService("talks");
        if (total("size=1") != count) {
            throw new IllegalStateException("After the rebuild the index holds " + total("size=1") + " talks, not " + count);
        }
        report.add(new Report.Figure(section, String.format("talks-service restart to ready, index rebuilt from the database (%,d talks)",
                count), toReady.toMillis() / 1000.0, Double.NaN, "s", false, null, null));
    }

    private void awaitSearchable(long count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (total("size=1") < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The search index holds " + total("size=1") + " of " + count + " talks after " + timeout);
            }
            Podium.sleep(200);
        }
    }

    /** The total a search answers, as a reader sees it. */
    private long total(String query) {
        String body = podium.http.get(podium.talks() + "/talks?" + query, null).expect(200).body();
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(body);
        if (!total.find()) {
            throw new IllegalStateException("No total in " + body);
        }
        return Long.parseLong(total.group(1));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
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
