package dev.podium.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the processes that belong to one data folder by their command line: the JVMs the launcher
 * starts carry {@code -Dpodium.home=<folder> -Dpodium.process=<name>}, MariaDB carries
 * {@code --datadir=<folder>/mariadb/data}. Used by {@code status}, and at start to stop what a
 * launcher that was killed (SIGKILL) left behind.
 */
final class StackProcesses {

    private static final Pattern PROCESS_NAME = Pattern.compile("-Dpodium\\.process=(\\S+)");

    private final String homeMarker;
    private final String dataDirMarker;

    StackProcesses(StackHome home) {
        this.homeMarker = homeMarker(home);
        this.dataDirMarker = "--datadir=" + EmbeddedDatabase.dataDir(home);
    }

    /** JVM options that tag a child process as belonging to this stack. */
    static List<String> tag(StackHome home, String processName) {
        return List.of(homeMarker(home), "-Dpodium.process=" + processName);
    }

    record Found(String name, ProcessHandle handle) {
        long pid() {
            return handle.pid();
        }

        /** Resident set size in kB, where /proc tells it. */
        Optional<Long> rssKb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or the process is gone
            }
            return Optional.empty();
        }
    }

    List<Found> find() {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(handle -> handle.pid() != self)
                .flatMap(handle -> handle.info().commandLine().stream()
                        .map(commandLine -> identify(commandLine, handle)))
                .flatMap(Optional::stream)
                .toList();
    }

    /** Stops every process of this stack that the launcher does not own (any more), in stop order, saying why. */
    void stopAll(String why) {
        List<Found> found = find().stream().sorted(Comparator.comparingInt(StackProcesses::stopOrder)).toList();
        for (Found process : found) {
            Terminal.say("Stopping " + process.name() + " (pid " + process.pid() + "), " + why);
            process.handle().destroy();
            try {
                process.handle().onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.handle().destroyForcibly();
            }
        }
    }

    /** Services first, then the broker, the database last: the same order as a normal stop. */
    private static int stopOrder(Found process) {
        return switch (process.name()) {
            case "mariadb" -> 3;
            case "kafka", "kafka-storage" -> 2;
            default -> 1;
        };
    }

    private Optional<Found> identify(String commandLine, ProcessHandle handle) {
        if (commandLine.contains(homeMarker + " ")) {
            Matcher matcher = PROCESS_NAME.matcher(commandLine);
            return Optional.of(new Found(matcher.find() ? matcher.group(1) : "java", handle));
        }
        if (commandLine.contains(dataDirMarker)) {
            return Optional.of(new Found("mariadb", handle));
        }
        return Optional.empty();
    }

    private static String homeMarker(StackHome home) {
        return "-Dpodium.home=" + home.dir();
    }
}
