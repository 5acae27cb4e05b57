package dev.podium.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka 4.3 KRaft cluster (combined broker and controller) in a child JVM:
 * {@code java -cp <launcher classpath> kafka.Kafka .podium/kafka/server.properties}. Its log dirs are
 * under {@code .podium/kafka/data}, formatted once with Kafka's storage tool and reused afterwards.
 *
 * <p>Being its own process, the broker can be stopped and started again on its own (fault tests):
 * {@code java -cp deploy/local-stack/target/local-stack-0.1.0-SNAPSHOT.jar kafka.Kafka .podium/kafka/server.properties}.
 */
final class KafkaBroker {

    static final String NAME = "kafka";

    private final StackHome home;
    private final StackSettings settings;
    private ChildProcess process;

    KafkaBroker(StackHome home, StackSettings settings) {
        this.home = home;
        this.settings = settings;
    }

    Path serverProperties() {
        return home.kafka().resolve("server.properties");
    }

    private Path dataDir() {
        return home.kafka().resolve("data");
    }

    /** Writes server.properties (every start, so port overrides apply) and formats the storage the first time. */
    void prepare() throws IOException, InterruptedException {
        Files.createDirectories(dataDir());
        Files.writeString(serverProperties(), serverPropertiesText());
        if (Files.exists(dataDir().resolve("meta.properties"))) {
            return;
        }
        Terminal.say("Kafka: first start: formatting the storage in " + dataDir());
        List<String> command = javaCommand("kafka-storage");
        command.addAll(List.of("kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(),
                "--config", serverProperties().toString()));
        ChildProcess format = ChildProcess.start(NAME, command, Map.of(), home.dir(), home.log(NAME));
        int exitCode = format.awaitExit(Duration.ofSeconds(120));
        if (exitCode != 0) {
            throw new StackException("Formatting Kafka's storage failed (exit code " + exitCode + "):\n  "
                    + String.join("\n  ", format.tail(20)));
        }
    }

    ChildProcess start() throws IOException {
        List<String> command = javaCommand(NAME);
        command.addAll(List.of("kafka.Kafka", serverProperties().toString()));
        process = ChildProcess.start(NAME, command, Map.of(), home.dir(), home.log(NAME));
        return process;
    }

    /** Waits until the broker answers a metadata request (it has joined its own KRaft quorum). */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new StackException("Kafka exited during start-up. Last lines of " + process.logFile() + ":\n  "
                            + String.join("\n  ", process.tail(30)));
                }
                try {
                    int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3_000))
                            .nodes().get(4, TimeUnit.SECONDS).size();
                    if (brokers > 0) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not listening yet, or still electing itself controller
                }
                Thread.sleep(300);
            }
        }
        throw new StackException("Kafka did not become ready within " + timeout.toSeconds() + " s. Last lines of "
                + process.logFile() + ":\n  " + String.join("\n  ", process.tail(30)));
    }

    private List<String> javaCommand(String processName) {
        List<String> command = new ArrayList<>();
        command.add(Jvm.javaExecutable());
        command.addAll(settings.kafkaJavaOptions());
        command.addAll(StackProcesses.tag(home, processName));
        command.add("-Dlogback.configurationFile=podium-kafka-logback.xml");
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(Jvm.launcherClasspath());
        return command;
    }

    /**
     * One combined broker+controller node with a static quorum ({@code controller.quorum.voters}), so that
     * the controller port can change between starts without reformatting.
     */
    private String serverPropertiesText() {
        String host = StackSettings.HOST;
        int broker = settings.kafkaPort();
        int controller = settings.kafkaControllerPort();
        return """
                # Generated by the Podium local stack on every start: edits are overwritten.
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
                log.retention.hours=168
                """.formatted(host, broker, controller, dataDir().toString().replace("\\", "/"));
    }
}
