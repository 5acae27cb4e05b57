package dev.podium.processes;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A program started as a child process, whose output (stdout and stderr merged) goes through a
 * {@link LogPrefixer} to a log file and optionally to a console with a {@code [name] } prefix, and
 * which is stopped with SIGTERM, then SIGKILL after a grace period ({@link #stop}), or killed at once
 * ({@link #kill}).
 *
 * <p>Options: {@link Builder#newSession()} starts it through {@code setsid} (Linux), in a session of
 * its own, so that a Ctrl-C in the terminal reaches only this JVM, which can then stop its children in
 * order instead of all of them receiving SIGINT at once; {@link Builder#destroyOnJvmExit()} kills it
 * should this JVM exit while it still runs (a test JVM that ends without its clean-up).
 */
public final class ChildProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private static final Path SETSID = findSetsid();
    private static final Duration KILL_WAIT = Duration.ofSeconds(30);

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

    /** A child process named {@code name} (its log prefix) running {@code command}. */
    public static Builder builder(String name, List<String> command) {
        return new Builder(name, command);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code; only once the process has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines the process wrote (up to 200 are kept). */
    public List<String> tail(int lines) {
        return output.tail(lines);
    }

    /** The last lines the process wrote, indented under "Last lines of &lt;log file&gt;:", for error messages. */
    public String lastLines(int lines) {
        return "Last lines of " + logFile + ":\n  " + String.join("\n  ", tail(lines));
    }

    /** Calls {@code onDeath} with the exit code if the process ends without {@link #stop} or {@link #kill} being asked. */
    public void whenDiesUnexpectedly(IntConsumer onDeath) {
        process.onExit().thenAccept(p -> {
            if (!stopping) {
                output.drain(2_000);
                onDeath.accept(p.exitValue());
            }
        });
    }

    /**
     * Waits for the process to end by itself (a one-shot tool, a refused start) and returns its exit
     * code once its output is copied; fails, leaving it running, if it still runs after {@code timeout}.
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " still runs after " + timeout.toSeconds() + " s; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name + " to exit", e);
        }
        output.drain(2_000);
        return process.exitValue();
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL. Returns true if it stopped within the grace period. */
    public boolean stop(Duration grace) {
        stopping = true;
        if (!process.isAlive()) {
            output.drain(2_000);
            return true;
        }
        // Through the handle: Process.destroy() also closes our end of its output, and what it writes
        // while it shuts down would be lost.
        process.toHandle().destroy();
        boolean graceful = waitFor(grace);
        if (!graceful) {
            LOG.info("{} (pid {}) did not stop within {} s of SIGTERM: killing it", name, pid(), grace.toSeconds());
            process.toHandle().destroyForcibly();
            waitFor(KILL_WAIT);
        }
        output.drain(2_000);
        return graceful;
    }

    /** SIGKILL (no shutdown hook runs, nothing is flushed) and waits until the process is gone. */
    public void kill() {
        stopping = true;
        process.toHandle().destroyForcibly();
        if (!waitFor(KILL_WAIT)) {
            throw new IllegalStateException(name + " (pid " + pid() + ") still runs " + KILL_WAIT.toSeconds() + " s after SIGKILL");
        }
        output.drain(2_000);
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

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** How to start a child process; {@link #logFile} is required. */
    public static final class Builder {

        private final String name;
        private final List<String> command;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory;
        private Path logFile;
        private PrintStream console;
        private boolean newSession;
        private boolean destroyOnJvmExit;

        private Builder(String name, List<String> command) {
            this.name = Objects.requireNonNull(name);
            this.command = List.copyOf(command);
        }

        /** Variables added to this JVM's environment. */
        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** Where it runs; this JVM's working directory if not set. */
        public Builder workingDirectory(Path directory) {
            this.workingDirectory = directory;
            return this;
        }

        /** The file its output is appended to (created with its folder if missing). */
        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        /** Also echo its output here, each line prefixed with {@code [name] }; none if not set. */
        public Builder console(PrintStream console) {
            this.console = console;
            return this;
        }

        /** Starts it in a session of its own ({@code setsid}, Linux): a terminal's Ctrl-C does not reach it. */
        public Builder newSession() {
            this.newSession = true;
            return this;
        }

        /** Kills it (SIGKILL) should this JVM exit while it runs. */
        public Builder destroyOnJvmExit() {
            this.destroyOnJvmExit = true;
            return this;
        }

        public ChildProcess start() throws IOException {
            Objects.requireNonNull(logFile, "logFile");
            List<String> fullCommand = new ArrayList<>();
            if (newSession && SETSID != null) {
                fullCommand.add(SETSID.toString());
            }
            fullCommand.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(fullCommand)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            LogPrefixer output;
            try {
                output = LogPrefixer.pump(name, process.getInputStream(), logFile, console);
            } catch (IOException e) {
                process.destroyForcibly();
                throw e;
            }
            if (destroyOnJvmExit) {
                destroyOnExit(process);
            }
            return new ChildProcess(name, process, output, logFile);
        }

        private void destroyOnExit(Process process) {
            Thread hook = new Thread(process::destroyForcibly, name + "-stop-at-exit");
            Runtime.getRuntime().addShutdownHook(hook);
            process.onExit().thenRun(() -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs, and finds the process gone
                }
            });
        }
    }
}
