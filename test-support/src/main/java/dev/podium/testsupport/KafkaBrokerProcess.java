package dev.podium.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) in a child JVM of its own,
 * for fault tests that stop the broker and start it again: it comes back on the same ports with the
 * same log directory, so clients configured with {@link #bootstrapServers()} find it again, with
 * every record, topic and committed offset it had. The broker the other test classes share
 * ({@link TestServers#kafka()}) is not touched.
 *
 * <p>It runs {@code kafka.Kafka} from the test's classpath (Kafka's test kit brings the broker's
 * jars), formatted once with {@code kafka.tools.StorageTool}, like the local stack's broker.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerProcess.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path directory;
    private final Path log;
    private final int port;
    private final int controllerPort;
    private volatile Process process;
    private int starts;

    private KafkaBrokerProcess(Path directory, Path log) {
        this.directory = directory;
        this.log = log;
        this.port = FreePort.find();
        this.controllerPort = FreePort.find();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process running = process;
            if (running != null) {
                running.destroyForcibly();
            }
        }, "kafka-broker-process-stop"));
    }

    /**
     * Formats a new log directory, starts the broker and returns once it answers.
     *
     * @param log the file the broker's output is appended to, across restarts
     */
    public static KafkaBrokerProcess start(Path log) {
        KafkaBrokerProcess broker;
        try {
            broker = new KafkaBrokerProcess(Files.createTempDirectory("podium-kafka-"), log);
            broker.format();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare a Kafka broker", e);
        }
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (again, after {@link #stop()}) and returns once it answers a metadata request. */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("The Kafka broker is running already (pid " + process.pid() + ")");
        }
        mark("start " + (++starts));
        process = launch(List.of("kafka.Kafka", serverProperties().toString()));
        LOG.info("Kafka broker process {} started on {} (output in {})", process.pid(), bootstrapServers(), log.toAbsolutePath());
        awaitReady();
    }

    /**
     * Stops the broker the way an operator does (SIGTERM: a controlled shutdown) and returns once
     * the process is gone and nothing listens on its port.
     */
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                LOG.warn("Kafka broker process {} still runs 60 s after SIGTERM: killing it", process.pid());
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the Kafka broker", e);
        }
        LOG.info("Kafka broker process {} stopped (exit status {})", process.pid(), process.exitValue());
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the broker and deletes its log directory. */
    @Override
    public synchronized void close() {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}", directory, e);
        }
    }

    private void format() throws IOException {
        Files.createDirectories(directory.resolve("data"));
        Files.writeString(serverProperties(), serverPropertiesText());
        mark("format");
        Process format = launch(List.of("kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", serverProperties().toString()));
        try {
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting the Kafka broker's storage failed; see " + log.toAbsolutePath());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting the Kafka broker's storage", e);
        }
    }

    private Process launch(List<String> mainAndArguments) {
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-cp", ServiceProcess.classPath()));
        command.addAll(mainAndArguments);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch " + mainAndArguments.get(0), e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
            while (System.nanoTime() - deadline < 0) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The Kafka broker exited during start-up (status " + process.exitValue()
                            + "); see " + log.toAbsolutePath());
                }
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
                } catch (Exception notYet) {
                    // Not listening yet, or still electing itself controller.
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
                }
            }
        }
        throw new IllegalStateException("The Kafka broker did not answer within " + READY_TIMEOUT.toSeconds() + " s; see "
                + log.toAbsolutePath());
    }

    private Path serverProperties() {
        return directory.resolve("server.properties");
    }

    /** A static quorum ({@code controller.quorum.voters}), as the local stack's broker. */
    private String serverPropertiesText() {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                auto.create.topics.enable=true
                num.partitions=3
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, directory.resolve("data").toString().replace("\\", "/"));
    }

    private void mark(String what) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, System.lineSeparator() + "===== " + what + " of the Kafka broker on " + bootstrapServers() + " ====="
                    + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
