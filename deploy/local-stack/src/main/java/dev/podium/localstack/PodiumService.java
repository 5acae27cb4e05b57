package dev.podium.localstack;

import java.nio.file.Path;

/** The three Micronaut services the stack runs, each as its own {@code java -jar} process. */
enum PodiumService {

    EVENTS("events", "events-service", 8081, "podium_events"),
    TALKS("talks", "talks-service", 8082, "podium_talks"),
    NOTIFICATIONS("notifications", "notifications-service", 8083, "podium_notifications");

    static final String VERSION = "0.1.0-SNAPSHOT";

    private final String shortName;
    private final String module;
    private final int defaultPort;
    private final String database;

    PodiumService(String shortName, String module, int defaultPort, String database) {
        this.shortName = shortName;
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    /** Used for the log prefix, the log file name and the port variable (PODIUM_EVENTS_PORT). */
    String shortName() {
        return shortName;
    }

    String module() {
        return module;
    }

    int defaultPort() {
        return defaultPort;
    }

    String database() {
        return database;
    }

    String portVariable() {
        return "PODIUM_" + shortName.toUpperCase() + "_PORT";
    }

    Path jar(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
    }
}
