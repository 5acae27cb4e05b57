package dev.podium.testsupport;

import java.io.File;
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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service running in a JVM of its own, on the test's classpath, configured by environment
 * variables and system properties, for tests that kill it the way an operating system would
 * ({@code kill -9}) and start it again. Its output is appended to a log file.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);
    /** The development switch, on by default for the services tests start (see {@link #start}). */
    public static final String DEVELOPMENT_VARIABLE = "PODIUM_DEVELOPMENT";

    private final String name;
    private final List<String> launch;
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;
    private final Path log;
    private final int httpPort;
    private volatile Process process;
    private int starts;

    private ServiceProcess(String name, List<String> launch, Map<String, String> environment, Map<String, String> systemProperties,
                           Path log, int httpPort) {
        this.name = name;
        this.launch = List.copyOf(launch);
        Map<String, String> withDevelopment = new LinkedHashMap<>(environment);
        withDevelopment.putIfAbsent(DEVELOPMENT_VARIABLE, "true");
        this.environment = Map.copyOf(withDevelopment);
        this.systemProperties = new LinkedHashMap<>(systemProperties);
        this.log = log;
        this.httpPort = httpPort;
        // Should the test JVM end without the test's clean-up (a fork timeout), take the service along.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process running = process;
            if (running != null) {
                running.destroyForcibly();
            }
        }, "service-process-stop"));
    }

    /**
     * Starts {@code mainClass} with {@code micronaut.server.port} set to {@code httpPort}. The service
     * runs in development mode ({@code PODIUM_DEVELOPMENT=true}: test secrets and the tests'
     * development issuer are accepted) unless {@code environment} sets {@code PODIUM_DEVELOPMENT}.
     *
     * @param log the file both output streams are appended to, across restarts
     */
    public static ServiceProcess start(String mainClass, Map<String, String> environment, Map<String, String> systemProperties,
                                       Path log, int httpPort) {
        ServiceProcess service = new ServiceProcess(mainClass, List.of("-cp", classPath(), mainClass),
                environment, systemProperties, log, httpPort);
        service.start();
        return service;
    }

    /** Starts a service's packaged jar ({@code java -jar}), the way the local stack and the images run it (development mode as {@link #start}). */
    public static ServiceProcess startJar(Path jar, Map<String, String> environment, Map<String, String> systemProperties,
                                          Path log, int httpPort) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package the service first (./mvnw package)");
        }
        ServiceProcess service = new ServiceProcess(jar.getFileName().toString(), List.of("-jar", jar.toAbsolutePath().toString()),
                environment, systemProperties, log, httpPort);
        service.start();
        return service;
    }

    public int httpPort() {
        return httpPort;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Starts the service again, with the same configuration, after {@link #kill()}. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dmicronaut.server.port=" + httpPort);
        systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, System.lineSeparator() + "===== start " + (++starts) + " of " + name + " ====="
                    + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
        LOG.info("Started {} as pid {} (HTTP port {}, output in {})", name, process.pid(), httpPort, log.toAbsolutePath());
    }

    /** Waits until {@code /health} answers 200, or fails when the process exits or the time is up. */
    public void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                        + " before it was healthy; see " + log.toAbsolutePath());
            }
            try {
                lastStatus = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + " (last /health status " + lastStatus
                + "); see " + log.toAbsolutePath());
    }

    /**
     * Waits until the process exits by itself (a refused start, for instance) and returns its exit
     * status; fails when it still runs after {@code timeout}.
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " still runs after " + timeout + "; see " + log.toAbsolutePath());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name + " to exit", e);
        }
        return process.exitValue();
    }

    /** What the process wrote so far (both streams, all starts). */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET on the service's HTTP port, returning the body. */
    public String get(String path) {
        return get(path, null);
    }

    /** A GET on the service's HTTP port with a bearer token (none when null), returning the body. */
    public String get(String path, String bearerToken) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(10));
            if (bearerToken != null) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the process at once (SIGKILL: no shutdown hook, nothing flushed) and waits until it is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") still runs 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
        LOG.info("Killed {} (pid {}, exit status {})", name, process.pid(), process.exitValue());
    }

    @Override
    public void close() {
        kill();
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The test JVM's classpath, which holds the service's {@code target/classes}. Surefire may start
     * the test JVM with a manifest-only jar, whose manifest lists the real classpath: that jar works
     * as {@code -cp} too, but {@code surefire.test.class.path} then names the entries themselves.
     */
    static String classPath() {
        String classPath = System.getProperty("java.class.path");
        if (containsClassesDirectory(classPath)) {
            return classPath;
        }
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && containsClassesDirectory(surefire)) {
            LOG.info("java.class.path is {}: using surefire.test.class.path instead", classPath);
            return surefire;
        }
        LOG.info("No classes directory on java.class.path ({}): using it as it is", classPath);
        return classPath;
    }

    private static boolean containsClassesDirectory(String classPath) {
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.endsWith("classes") || entry.endsWith("classes" + File.separator)) {
                return true;
            }
        }
        return false;
    }
}
