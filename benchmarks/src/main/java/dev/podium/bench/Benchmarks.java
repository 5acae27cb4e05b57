package dev.podium.bench;

import dev.podium.localstack.EmbeddedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./podium bench [rush,fanout,e2e,pages,footprint,catalogue,catalogue-1m]}: starts the local stack on a fresh data
 * folder in this JVM, runs the benchmarks (all, or those named) with their baselines, and writes
 * BENCHMARKS.md at the repository's root. {@code catalogue-1m} (1,000,000 talks, about half an hour) runs only when
 * named, and not with {@code catalogue} (each loads its own catalogue into the same schema).
 */
public final class Benchmarks {

    /**
     * The services' JVM options here, as for a small container: the serial collector (one or two cores),
     * a 96 MB heap, bounded metaspace and code cache, so that resident memory stays under 300 MB.
     */
    static final String SERVICE_JAVA_OPTS = "-XX:+UseSerialGC -Xms32m -Xmx96m -Xss512k -XX:MaxMetaspaceSize=112m "
            + "-XX:ReservedCodeCacheSize=48m";

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> only = new LinkedHashSet<>(args.length == 0
                ? List.of("footprint", "rush", "fanout", "e2e", "pages", "catalogue") : List.of(String.join(",", args).split(",")));
        Path root = Path.of(System.getenv().getOrDefault("PODIUM_ROOT", ".")).toAbsolutePath().normalize();
        Path seeds = root.resolveSibling("shared").resolve("seeds");
        if (!Files.isDirectory(seeds)) {
            throw new IllegalStateException("The seed texts are missing: expected " + seeds);
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PODIUM_ROOT", root.toString());
        env.putIfAbsent("PODIUM_HOME", root.resolve(".podium-bench").toString());
        env.putIfAbsent("PODIUM_SERVICE_JAVA_OPTS", SERVICE_JAVA_OPTS);
        // talks-service is ready once its search index is rebuilt: minutes with 1,000,000 talks.
        env.putIfAbsent("PODIUM_HEALTH_TIMEOUT_SECONDS", "1800");
        deleteData(Path.of(env.get("PODIUM_HOME")));
        SmtpSink sink = new SmtpSink();
        env.put("PODIUM_SERVICES_SMTP_PORT", Integer.toString(sink.port()));

        Report report = new Report("services started with `" + env.get("PODIUM_SERVICE_JAVA_OPTS")
                + "`, one replica each; MariaDB 11.4, Kafka (one broker) and GreenMail of the local stack on the same machine; "
                + "the services send email to the benchmarks' SMTP sink (SmtpSink, in memory: GreenMail files each message in a "
                + "mailbox per recipient found by a linear scan, about 80 messages/s once 20,000 addresses exist), which runs "
                + "in the same JVM as the load generator (JDK HttpClient, HTTP/1.1, a connection per request in flight).");
        boolean allRan = true;
        try (EmbeddedStack stack = EmbeddedStack.start(env)) {
            Podium podium = new Podium(stack);
            Mail mail = new Mail(sink);
            Footprint footprint = new Footprint(stack, report);
            if (only.contains("footprint")) {
                allRan &= run(report, "footprint: start-up", footprint::measureStartup);
            }
            if (only.contains("rush")) {
                allRan &= run(report, "RSVP rush", () -> new RsvpRush(podium, report).run());
            }
            if (only.contains("fanout")) {
                allRan &= run(report, "fan-out", () -> new FanOut(podium, mail, report).run());
            }
            if (only.contains("footprint")) {
                allRan &= run(report, "footprint: memory", () -> footprint.report(only.contains("fanout")
                        ? "after the rush and the fan-out" : "after the benchmarks"));
            }
            if (only.contains("e2e")) {
                allRan &= run(report, "end-to-end latency", () -> new EndToEndLatency(podium, mail, report).run());
            }
            if (only.contains("pages")) {
                allRan &= run(report, "event page", () -> new EventPageReads(podium, report, seeds).run());
            }
            if (only.contains("catalogue")) {
                allRan &= run(report, "catalogue reads", () -> new CatalogueReads(podium, report, seeds, CatalogueReads.TALKS,
                        "5. Catalogue reads").run());
            } else if (only.contains("catalogue-1m")) {
                allRan &= run(report, "catalogue reads, 1,000,000 talks", () -> new CatalogueReads(podium, report, seeds,
                        CatalogueReads.MILLION, "5b. Catalogue reads, 1,000,000 talks").run());
            }
        }
        report.write(root.resolve("BENCHMARKS.md"));
        System.exit(allRan ? 0 : 1);
    }

    private interface Benchmark {
        void run() throws Exception;
    }

    /** Runs one benchmark; a failure is reported (and fails the command) without losing the others' numbers. */
    private static boolean run(Report report, String name, Benchmark benchmark) {
        try {
            benchmark.run();
            return true;
        } catch (Exception e) {
            report.note("**" + name + " FAILED:** " + e);
            e.printStackTrace();
            return false;
        }
    }

    private static void deleteData(Path home) throws Exception {
        if (!Files.exists(home)) {
            return;
        }
        if (!Files.exists(home.resolve(".podium-home"))) {
            throw new IllegalStateException(home + " is not a Podium data folder: not deleting it");
        }
        try (var paths = Files.walk(home)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
