package dev.podium.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka KRaft cluster (one combined broker and controller) in a child JVM:
 * {@code java -cp <classpath> kafka.Kafka <directory>/server.properties}, its log dirs under
 * {@code <directory>/data}, formatted once with {@code kafka.tools.StorageTool} and reused by later
 * starts. Being its own process, it can be stopped and started again on the same ports and data, and
 * clients find it again with every record, topic and committed offset it had.
 *
 * <p>The classpath (this JVM's by default) must hold the broker ({@code org.apache.kafka:kafka_2.13}):
 * the local stack's fat jar does, and so does Kafka's test kit on a test classpath.
 */
public final class KraftBroker {

    /** The name {@link Builder#jvmOptions} is called with for the storage tool that formats the log dirs. */
    public static final String STORAGE_TOOL = "kafka-storage";
    /** The name {@link Builder#jvmOptions} is called with for the broker itself; also its log prefix. */
    public static final String BROKER = "kafka";

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(120);

    private final Path directory;
    private final String host;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> extraProperties;
    private final Function<String, List<String>> jvmOptions;
    private final String classPath;
    private final Consumer<ChildProcess.Builder> childProcess;
    private volatile ChildProcess process;

    private KraftBroker(Builder builder) {
        this.directory = builder.directory;
        this.host = builder.host;
        this.port = builder.port;
        this.controllerPort = builder.controllerPort;
        this.extraProperties = Map.copyOf(builder.properties);
        this.jvmOptions = builder.jvmOptions;
        this.classPath = builder.classPath != null ? builder.classPath : Jvm.classPath();
        this.childProcess = builder.childProcess;
    }

    /** A broker whose server.properties and log dirs ({@code data/}) are in {@code directory}. */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    public Path serverProperties() {
        return directory.resolve("server.properties");
    }

    public Path dataDir() {
        return directory.resolve("data");
    }

    /** True once the log dirs have been formatted (by an earlier {@link #prepare}). */
    public boolean isFormatted() {
        return Files.exists(dataDir().resolve("meta.properties"));
    }

    /**
     * Writes server.properties (on every start, so that port changes apply) and formats the log dirs if
     * they are not yet, with a new random cluster id.
     */
    public void prepare() {
        try {
            Files.createDirectories(dataDir());
            Files.writeString(serverProperties(), serverPropertiesText());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + serverProperties(), e);
        }
        if (isFormatted()) {
            return;
        }
        // Uuid.randomUuid() never returns an id starting with '-' (which the tool would read as an
        // option); the '=' form keeps it an argument regardless, as deploy/kafka-image/run.sh does.
        ChildProcess format = launch(STORAGE_TOOL, "kafka.tools.StorageTool", List.of("format",
                "--cluster-id=" + Uuid.randomUuid(), "--config", serverProperties().toString()));
        int exitCode;
        try {
            exitCode = format.awaitExit(FORMAT_TIMEOUT);
        } finally {
            format.stop(Duration.ofSeconds(5));
        }
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting Kafka's storage in " + dataDir() + " failed (exit code " + exitCode
                    + "). " + format.lastLines(20));
        }
    }

    /** Starts the broker process (after {@link #prepare}); {@link #awaitReady} waits until it answers. */
    public synchronized ChildProcess start() {
        if (isRunning()) {
            throw new IllegalStateException("The Kafka broker is running already (pid " + process.pid() + ")");
        }
        process = launch(BROKER, "kafka.Kafka", List.of(serverProperties().toString()));
        return process;
    }

    /** Waits until the broker answers a metadata request (it has joined its own KRaft quorum). */
    public void awaitReady(Duration timeout) {
        ChildProcess broker = process;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
            while (System.nanoTime() - deadline < 0) {
                if (!broker.isAlive()) {
                    throw new IllegalStateException("Kafka exited during start-up (exit code " + broker.exitValue() + "). "
                            + broker.lastLines(30));
                }
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                } catch (Exception notYet) {
                    // not listening yet, or still electing itself controller
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
            }
        }
        throw new IllegalStateException("Kafka did not become ready on " + bootstrapServers() + " within "
                + timeout.toSeconds() + " s. " + broker.lastLines(30));
    }

    /**
     * Stops the broker the way an operator does (SIGTERM: a controlled shutdown), then SIGKILL after
     * {@code grace}; returns true if it stopped within the grace period (or was not running).
     */
    public synchronized boolean stop(Duration grace) {
        ChildProcess running = process;
        return running == null || running.stop(grace);
    }

    public boolean isRunning() {
        ChildProcess running = process;
        return running != null && running.isAlive();
    }

    /** The broker process of the last {@link #start}, or null before. */
    public ChildProcess process() {
        return process;
    }

    private ChildProcess launch(String name, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Jvm.javaExecutable());
        command.addAll(jvmOptions.apply(name));
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(arguments);
        ChildProcess.Builder builder = ChildProcess.builder(BROKER, command);
        childProcess.accept(builder);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + mainClass, e);
        }
    }

    /**
     * A static quorum ({@code controller.quorum.voters}), so that the controller port can change
     * between starts without formatting again.
     */
    private String serverPropertiesText() {
        StringBuilder text = new StringBuilder("""
                # Generated on every start: edits are overwritten.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@%1$s:%3$d
                listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=PLAINTEXT://%1$s:%2$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%4$s
                auto.create.topics.enable=true
                num.partitions=3
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(host, port, controllerPort, dataDir().toString().replace("\\", "/")));
        extraProperties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** How to run the broker; {@link #port} and {@link #controllerPort} are required. */
    public static final class Builder {

        private final Path directory;
        private String host = "127.0.0.1";
        private int port;
        private int controllerPort;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Function<String, List<String>> jvmOptions = name -> List.of();
        private String classPath;
        private Consumer<ChildProcess.Builder> childProcess = child -> { };

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory);
        }

        /** The address it listens on and advertises; 127.0.0.1 if not set. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        /** A server.properties entry beyond the single-node defaults (written after them). */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** JVM options of each child JVM, by its name: {@link #STORAGE_TOOL} or {@link #BROKER}. */
        public Builder jvmOptions(Function<String, List<String>> options) {
            this.jvmOptions = Objects.requireNonNull(options);
            return this;
        }

        /** The classpath the broker runs from; this JVM's if not set. */
        public Builder classPath(String classPath) {
            this.classPath = classPath;
            return this;
        }

        /** Applied to each child process before it starts: its log file (required), console, and so on. */
        public Builder childProcess(Consumer<ChildProcess.Builder> settings) {
            this.childProcess = Objects.requireNonNull(settings);
            return this;
        }

        public KraftBroker build() {
            if (port <= 0 || controllerPort <= 0) {
                throw new IllegalStateException("A Kafka broker needs a port and a controller port");
            }
            return new KraftBroker(this);
        }
    }
}
