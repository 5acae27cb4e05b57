package dev.podium.processes;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Copies a child process's output line by line to its log file (appended to across starts) and, when
 * there is a console, to the console with a {@code [name] } prefix; remembers the last lines for
 * error messages.
 */
final class LogPrefixer implements Runnable {

    private static final int KEPT_LINES = 200;

    private final String prefix;
    private final InputStream output;
    private final PrintStream console;
    private final BufferedWriter logFile;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Thread thread;

    private LogPrefixer(String name, InputStream output, Path logFile, PrintStream console) throws IOException {
        this.prefix = "[" + name + "] ";
        this.output = output;
        this.console = console;
        Path parent = logFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.logFile = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        this.logFile.write("----- " + OffsetDateTime.now() + " " + name + " starting -----");
        this.logFile.newLine();
        this.logFile.flush();
        this.thread = new Thread(this, "log-" + name);
        this.thread.setDaemon(true);
    }

    /** Starts pumping {@code output} (stdout and stderr merged) until the process closes it; {@code console} may be null. */
    static LogPrefixer pump(String name, InputStream output, Path logFile, PrintStream console) throws IOException {
        LogPrefixer prefixer = new LogPrefixer(name, output, logFile, console);
        prefixer.thread.start();
        return prefixer;
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (console != null) {
                    console.println(prefix + line);
                }
                remember(line);
                logFile.write(line);
                logFile.newLine();
                logFile.flush();
            }
        } catch (IOException e) {
            // the process is gone; nothing more to copy
        } finally {
            try {
                logFile.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /** Waits (bounded) until everything the process wrote has been copied. */
    void drain(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized List<String> tail(int lines) {
        List<String> all = new ArrayList<>(lastLines);
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }

    private synchronized void remember(String line) {
        if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }
}
