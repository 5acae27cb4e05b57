package dev.podium.bench;

import dev.podium.localstack.EmbeddedStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 4. Footprint: each service's start-up time to a healthy /health (restarted alone while the rest of
 * the stack runs), and its resident memory after start and after the other benchmarks.
 */
final class Footprint {

    static final double STARTUP_GOAL_MS = 3_000;
    static final double RSS_GOAL_MB = 300;

    private final EmbeddedStack stack;
    private final Report report;
    private final Map<String, Double> startupMs = new LinkedHashMap<>();
    private final Map<String, Double> rssAfterStartMb = new LinkedHashMap<>();

    Footprint(EmbeddedStack stack, Report report) {
        this.stack = stack;
        this.report = report;
    }

    /** Restarts each service alone, timing it to healthy; then its RSS once it has settled. */
    void measureStartup() {
        for (String service : EmbeddedStack.SERVICES) {
            Duration toHealthy = stack.restartService(service);
            startupMs.put(service, (double) toHealthy.toMillis());
        }
        Podium.sleep(5_000);
        for (String service : EmbeddedStack.SERVICES) {
            rssAfterStartMb.put(service, rssMb(stack.servicePid(service)));
        }
    }

    /** Reports start-up and both RSS figures; called after the load benchmarks. */
    void report(String after) {
        String section = "4. Footprint";
        for (String service : EmbeddedStack.SERVICES) {
            double startup = startupMs.get(service);
            report.add(new Report.Figure(section, service + "-service: start-up to healthy", startup, Double.NaN, "ms",
                    false, "< 3,000 ms", startup < STARTUP_GOAL_MS));
        }
        for (String service : EmbeddedStack.SERVICES) {
            double rss = rssAfterStartMb.get(service);
            report.add(new Report.Figure(section, service + "-service: RSS after start", rss, Double.NaN, "MB", false,
                    "< 300 MB", rss < RSS_GOAL_MB));
        }
        for (String service : EmbeddedStack.SERVICES) {
            double rss = rssMb(stack.servicePid(service));
            report.add(new Report.Figure(section, service + "-service: RSS " + after, rss, Double.NaN, "MB", false,
                    "< 300 MB", rss < RSS_GOAL_MB));
        }
    }

    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the memory of process " + pid, e);
        }
        throw new IllegalStateException("No VmRSS for process " + pid);
    }
}
