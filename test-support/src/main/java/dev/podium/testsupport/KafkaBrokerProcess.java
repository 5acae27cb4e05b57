package dev.podium.testsupport;

import dev.podium.processes.KraftBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker ({@link KraftBroker}) in a child JVM of its own, for fault
 * tests that stop the broker and start it again: it comes back on the same ports with the same log
 * directory, so clients configured with {@link #bootstrapServers()} find it again, with every record,
 * topic and committed offset it had. The broker the other test classes share
 * ({@link TestServers#kafka()}) is not touched.
 *
 * <p>It runs {@code kafka.Kafka} from the test's classpath (Kafka's test kit brings the broker's
 * jars), on free ports, in a throwaway folder deleted by {@link #close()}, and is killed should the
 * test JVM exit without closing it.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerProcess.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final Path directory;
    private final KraftBroker broker;

    private KafkaBrokerProcess(Path directory, Path log) {
        this.directory = directory;
        this.broker = KraftBroker.builder(directory)
                .port(FreePort.find())
                .controllerPort(FreePort.find())
                .property("offsets.topic.num.partitions", "3")
                .jvmOptions(name -> List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
                .childProcess(child -> child.logFile(log).destroyOnJvmExit())
                .build();
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
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare a Kafka broker", e);
        }
        broker.broker.prepare();
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Starts the broker (again, after {@link #stop()}) and returns once it answers a metadata request. */
    public synchronized void start() {
        broker.start();
        LOG.info("Kafka broker process {} started on {} (output in {})", broker.process().pid(), bootstrapServers(),
                broker.process().logFile().toAbsolutePath());
        broker.awaitReady(READY_TIMEOUT);
    }

    /**
     * Stops the broker the way an operator does (SIGTERM: a controlled shutdown; SIGKILL after 60 s)
     * and returns once the process is gone and nothing listens on its port.
     */
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        boolean graceful = broker.stop(STOP_GRACE);
        LOG.info("Kafka broker process {} {} (exit status {})", broker.process().pid(),
                graceful ? "stopped" : "killed after " + STOP_GRACE.toSeconds() + " s", broker.process().exitValue());
    }

    /**
     * Freezes the broker (SIGSTOP), as a long garbage-collection pause or a network partition does:
     * its connections stay open and clients keep their metadata, but nothing is answered until
     * {@link #thaw()}.
     */
    public synchronized void freeze() {
        signal("STOP");
    }

    /** Lets a {@link #freeze() frozen} broker go on (SIGCONT). */
    public synchronized void thaw() {
        signal("CONT");
    }

    private void signal(String signal) {
        long pid = broker.process().pid();
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " exited with " + kill.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not signal the Kafka broker " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling the Kafka broker " + pid, e);
        }
        LOG.info("Kafka broker process {} sent SIG{}", pid, signal);
    }

    public boolean isRunning() {
        return broker.isRunning();
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
}
