package dev.podium.localstack;

import java.time.Duration;
import java.util.Map;

/**
 * The local stack of {@code ./podium up}, started from another program's JVM (the benchmarks), which
 * then sees what the launcher keeps to itself: the services' process ids and a way to restart one
 * service alone.
 */
public final class EmbeddedStack implements AutoCloseable {

    /** The services by their short names: events, talks, notifications. */
    public static final String[] SERVICES = {"events", "talks", "notifications"};

    private final StackHome home;
    private final StackSettings settings;
    private final StackHome.Lock lock;
    private final Stack stack;

    private EmbeddedStack(StackHome home, StackSettings settings, StackHome.Lock lock, Stack stack) {
        this.home = home;
        this.settings = settings;
        this.lock = lock;
        this.stack = stack;
    }

    /**
     * Starts the whole stack on the data folder that {@code env} names (PODIUM_HOME and the port and JVM
     * variables of the launcher), with the services' output kept in their log files.
     */
    public static EmbeddedStack start(Map<String, String> env) {
        StackHome home = StackHome.locate(env);
        home.create();
        StackHome.Lock lock = home.lock();
        if (lock == null) {
            throw new StackException("A stack already runs on " + home.dir());
        }
        System.setProperty("podium.logs", home.logs().toString());
        Terminal.alsoLogTo(home.log("podium"));
        Terminal.keepProcessOutputInLogs();
        StackSettings settings = new StackSettings(env);
        Stack stack = new Stack(home, settings);
        try {
            stack.start();
        } catch (RuntimeException e) {
            stack.stop();
            lock.release();
            throw e;
        }
        return new EmbeddedStack(home, settings, lock, stack);
    }

    public String serviceUrl(String name) {
        return stack.service(service(name)).baseUrl();
    }

    public long servicePid(String name) {
        return stack.service(service(name)).process().pid();
    }

    /** Stops the service and starts it again alone: the time from its start to a healthy {@code /health}. */
    public Duration restartService(String name) {
        return stack.restart(service(name));
    }

    /** The gateway: the one origin every service is reached at, and the base of every link in emails. */
    public String gatewayUrl() {
        return stack.gateway().baseUrl();
    }

    public String issuerUrl() {
        return settings.issuerUrl();
    }

    /** A JDBC URL of one of the stack's schemas: podium_events, podium_talks, podium_notifications. */
    public String jdbcUrl(String database) {
        return settings.jdbcUrl(database);
    }

    public String dbUser() {
        return StackSettings.DB_USER;
    }

    public String dbPassword() {
        return StackSettings.DB_PASSWORD;
    }

    public java.nio.file.Path dataFolder() {
        return home.dir();
    }

    @Override
    public void close() {
        stack.stop();
        lock.release();
    }

    private static PodiumService service(String name) {
        for (PodiumService service : PodiumService.values()) {
            if (service.shortName().equals(name)) {
                return service;
            }
        }
        throw new IllegalArgumentException("No service named " + name);
    }
}
