package dev.podium.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The launcher's own voice: lines prefixed with {@code [podium] } on stdout, also kept in logs/podium.log. */
final class Terminal {

    private static final String PREFIX = "[podium] ";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final PrintStream NOWHERE = new PrintStream(java.io.OutputStream.nullOutputStream());
    private static volatile Path logFile;
    private static volatile boolean echoProcesses = true;

    private Terminal() {
    }

    /** Also append every line to this file (once the data folder is known). */
    static void alsoLogTo(Path file) {
        logFile = file;
    }

    /** Child processes' output goes to their log files only (benchmarks: the console would cost CPU). */
    static void keepProcessOutputInLogs() {
        echoProcesses = false;
    }

    /** Where the process log prefixers echo their lines: the console, unless kept in the logs. */
    static PrintStream processConsole() {
        return echoProcesses ? OUT : NOWHERE;
    }

    /** The console shared by the launcher and the process log prefixers. */
    static PrintStream out() {
        return OUT;
    }

    static void say(String message) {
        for (String line : message.split("\n", -1)) {
            OUT.println(PREFIX + line);
            appendToLog(line);
        }
    }

    /** A message nobody should miss: a process died, a start failed. */
    static void shout(String headline, List<String> details) {
        String bar = "!".repeat(78);
        say(bar);
        say("!!! " + headline);
        for (String detail : details) {
            say("!!!   " + detail);
        }
        say(bar);
    }

    private static synchronized void appendToLog(String line) {
        Path file = logFile;
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, LocalTime.now().format(TIME) + " " + line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            logFile = null; // the console still has it; do not fail the stack over its own log
        }
    }
}
