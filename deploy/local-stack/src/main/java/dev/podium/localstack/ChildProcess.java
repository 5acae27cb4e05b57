package dev.podium.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * A JVM (or any program) the launcher starts, whose output goes through a {@link LogPrefixer}, and
 * which it stops with SIGTERM, then SIGKILL after a grace period.
 *
 * <p>On Linux the child is started through {@code setsid}, in a session of its own: a Ctrl-C in the
 * terminal then reaches only the launcher, which stops the children in order (services before Kafka
 * before the database) instead of all of them receiving SIGINT at once.
 */
final class ChildProcess {

    private static final Path SETSID = findSetsid();

    private final String name;
    private final Process process;
    private final LogPrefixer output;
    private final Path logFile;
    private volatile boolean stopping;

    private ChildProcess(String name, Process process, LogPrefixer output, Path logFile) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.logFile = logFile;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                              Path workingDirectory, Path logFile) throws IOException {
        List<String> fullCommand = new ArrayList<>();
        if (SETSID != null) {
            fullCommand.add(SETSID.toString());
        }
        fullCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        LogPrefixer output = LogPrefixer.pump(name, process.getInputStream(), logFile, Terminal.processConsole());
        return new ChildProcess(name, process, output, logFile);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    List<String> tail(int lines) {
        return output.tail(lines);
    }

    /** Calls {@code onDeath} with the exit code if the process ends without {@link #stop} being asked. */
    void whenDiesUnexpectedly(IntConsumer onDeath) {
        process.onExit().thenAccept(p -> {
            if (!stopping) {
                output.drain(2_000);
                onDeath.accept(p.exitValue());
            }
        });
    }

    /** Waits for the process to end by itself (for one-shot tools); returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(Duration.ofSeconds(5));
            throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s");
        }
        output.drain(2_000);
        return process.exitValue();
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL. Returns true if it stopped within the grace period. */
    boolean stop(Duration grace) {
        stopping = true;
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        boolean graceful = waitFor(grace);
        if (!graceful) {
            Terminal.say(name + " did not stop within " + grace.toSeconds() + " s: killing it (pid " + pid() + ")");
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
        output.drain(2_000);
        return graceful;
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static Path findSetsid() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return null;
        }
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        return null;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
