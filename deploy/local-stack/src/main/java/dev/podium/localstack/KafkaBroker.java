package dev.podium.localstack;

import dev.podium.processes.ChildProcess;
import dev.podium.processes.KraftBroker;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The local stack's Kafka 4.3 KRaft cluster ({@link KraftBroker}: one combined broker and controller in a
 * child JVM): {@code java -cp <launcher classpath> kafka.Kafka .podium/kafka/server.properties}. Its log dirs
 * are under {@code .podium/kafka/data}, formatted once with Kafka's storage tool and reused afterwards.
 *
 * <p>Being its own process, the broker can be stopped and started again on its own (fault tests):
 * {@code java -cp deploy/local-stack/target/local-stack-0.1.0-SNAPSHOT.jar kafka.Kafka .podium/kafka/server.properties}.
 */
final class KafkaBroker {

    static final String NAME = KraftBroker.BROKER;

    private final KraftBroker broker;

    KafkaBroker(StackHome home, StackSettings settings) {
        this.broker = KraftBroker.builder(home.kafka())
                .host(StackSettings.HOST)
                .port(settings.kafkaPort())
                .controllerPort(settings.kafkaControllerPort())
                .property("log.retention.hours", "168")
                .jvmOptions(processName -> {
                    List<String> options = new ArrayList<>(settings.kafkaJavaOptions());
                    options.addAll(StackProcesses.tag(home, processName));
                    options.add("-Dlogback.configurationFile=podium-kafka-logback.xml");
                    return options;
                })
                .childProcess(child -> child.workingDirectory(home.dir()).logFile(home.log(NAME))
                        .console(Terminal.processConsole()).newSession())
                .build();
    }

    /** Writes server.properties (every start, so port overrides apply) and formats the storage the first time. */
    void prepare() {
        if (!broker.isFormatted()) {
            Terminal.say("Kafka: first start: formatting the storage in " + broker.dataDir());
        }
        try {
            broker.prepare();
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new StackException(e.getMessage(), e);
        }
    }

    ChildProcess start() {
        try {
            return broker.start();
        } catch (UncheckedIOException e) {
            throw new StackException(e.getMessage(), e);
        }
    }

    /** Waits until the broker answers a metadata request (it has joined its own KRaft quorum). */
    void awaitReady(Duration timeout) {
        try {
            broker.awaitReady(timeout);
        } catch (IllegalStateException e) {
            throw new StackException(e.getMessage(), e);
        }
    }
}
