package dev.podium.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Micronaut service in a JVM of its own ({@code java -jar <jar>}, or a main class on a classpath),
 * configured by environment variables and JVM options, that can be started again after it stopped or
 * was killed, and its {@code GET /health} check.
 */
public class ServiceProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> launch;
    private final Supplier<List<String>> jvmOptions;
    private final Map<String, String> environment;
    private final String host;
    private final int httpPort;
    private final Consumer<ChildProcess.Builder> childProcess;
    private volatile ChildProcess process;

    protected ServiceProcess(Builder builder) {
        this.name = builder.name;
        this.launch = List.copyOf(Objects.requireNonNull(builder.launch, "a jar or a main class"));
        this.jvmOptions = builder.jvmOptions;
        this.environment = Map.copyOf(builder.environment);
        this.host = builder.host;
        this.httpPort = builder.httpPort;
        this.childProcess = builder.childProcess;
    }

    /** A service named {@code name} (its log prefix) answering HTTP on {@code host:httpPort}. */
    public static Builder builder(String name, String host, int httpPort) {
        return new Builder(name, host, httpPort);
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public String baseUrl() {
        return "http://" + host + ":" + httpPort;
    }

    /** The process of the last {@link #start}, or null before. */
    public ChildProcess process() {
        return process;
    }

    /** Starts the service (again, after it stopped or was killed), with the same configuration. */
    public synchronized ChildProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(Jvm.javaExecutable());
        command.addAll(jvmOptions.get());
        command.addAll(launch);
        ChildProcess.Builder builder = ChildProcess.builder(name, command).environment(environment);
        childProcess.accept(builder);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
        LOG.info("Started {} as pid {} (HTTP port {}, output in {})", name, process.pid(), httpPort, process.logFile().toAbsolutePath());
        return process;
    }

    public boolean isAlive() {
        ChildProcess running = process;
        return running != null && running.isAlive();
    }

    /** True if {@code GET /health} answers 200 with status UP. */
    public boolean isHealthy() {
        return health().up();
    }

    /** Waits until {@link #isHealthy}, or fails when the process exits or the time is up. */
    public void awaitHealthy(Duration timeout) {
        ChildProcess running = process;
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() - deadline < 0) {
            if (!running.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + running.exitValue()
                        + " before it was healthy. " + running.lastLines(40));
            }
            Health health = health();
            if (health.up()) {
                return;
            }
            lastStatus = health.status();
            sleep(200);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + " (last /health status " + lastStatus
                + "). " + running.lastLines(40));
    }

    /** Waits until the process exits by itself (a refused start) and returns its exit status; fails if it still runs after {@code timeout}. */
    public int awaitExit(Duration timeout) {
        return process.awaitExit(timeout);
    }

    /** SIGTERM, then SIGKILL after {@code grace}; true if it stopped within the grace period (or was not running). */
    public synchronized boolean stop(Duration grace) {
        ChildProcess running = process;
        return running == null || running.stop(grace);
    }

    /** Kills the process at once (SIGKILL: no shutdown hook, nothing flushed) and waits until it is gone. */
    public synchronized void kill() {
        ChildProcess running = process;
        if (running == null) {
            return;
        }
        running.kill();
        LOG.info("Killed {} (pid {}, exit status {})", name, running.pid(), running.exitValue());
    }

    /** What the process wrote so far (both streams, all starts). */
    public String output() {
        try {
            return Files.readString(process.logFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET on the service's HTTP port, returning the body; fails unless it answers 200. */
    public String get(String path) {
        return get(path, null);
    }

    /** A GET on the service's HTTP port with a bearer token (none when null), returning the body; fails unless it answers 200. */
    public String get(String path, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** What {@code GET /health} answered: its status (-1 if nothing answers), and whether it was 200 with status UP. */
    private record Health(int status, boolean up) {
    }

    private Health health() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Health(response.statusCode(),
                    response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\""));
        } catch (IOException e) {
            return new Health(-1, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Health(-1, false);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** How to run a service; {@link #jar} or {@link #mainClass} is required, and a log file in {@link #childProcess}. */
    public static final class Builder {

        private final String name;
        private final String host;
        private final int httpPort;
        private List<String> launch;
        private Supplier<List<String>> jvmOptions = List::of;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Consumer<ChildProcess.Builder> childProcess = child -> { };

        private Builder(String name, String host, int httpPort) {
            this.name = Objects.requireNonNull(name);
            this.host = Objects.requireNonNull(host);
            this.httpPort = httpPort;
        }

        /** Runs {@code java -jar <jar>}. */
        public Builder jar(Path jar) {
            this.launch = List.of("-jar", jar.toAbsolutePath().toString());
            return this;
        }

        /** Runs {@code java -cp <classPath> <mainClass>}. */
        public Builder mainClass(String mainClass, String classPath) {
            this.launch = List.of("-cp", classPath, mainClass);
            return this;
        }

        /** JVM options, asked for again at each start (so that they may change, for example a class-data archive). */
        public Builder jvmOptions(Supplier<List<String>> options) {
            this.jvmOptions = Objects.requireNonNull(options);
            return this;
        }

        /** Variables added to this JVM's environment. */
        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** Applied to the child process before each start: its log file (required), console, and so on. */
        public Builder childProcess(Consumer<ChildProcess.Builder> settings) {
            this.childProcess = Objects.requireNonNull(settings);
            return this;
        }

        public ServiceProcess build() {
            return new ServiceProcess(this);
        }
    }
}
