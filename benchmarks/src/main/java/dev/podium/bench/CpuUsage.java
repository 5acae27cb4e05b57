package dev.podium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time used by each process of the stack (and by the benchmarks' own JVM) between two moments,
 * read from /proc: on a machine of two cores, it tells which process a figure is spent in.
 */
final class CpuUsage {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Path dataFolder;
    private final Map<String, Long> startTicks;

    private CpuUsage(Path dataFolder) {
        this.dataFolder = dataFolder;
        this.startTicks = ticksByProcess();
    }

    static CpuUsage start(Path dataFolder) {
        return new CpuUsage(dataFolder);
    }

    /** "events 3.1 s, notifications 2.0 s, …": CPU seconds since the start, busiest first. */
    String since() {
        Map<String, Long> now = ticksByProcess();
        return now.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue() - startTicks.getOrDefault(entry.getKey(), 0L)))
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> String.format(Locale.ROOT, "%s %.1f s", entry.getKey(), entry.getValue() / TICKS_PER_SECOND))
                .collect(Collectors.joining(", "));
    }

    private Map<String, Long> ticksByProcess() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put("load generator and SMTP sink", ticks(ProcessHandle.current().pid()));
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(path -> {
                String command = commandLine(path);
                if (!command.contains(dataFolder.toString())) {
                    return;
                }
                int tag = command.indexOf("-Dpodium.process=");
                String name = tag >= 0 ? command.substring(tag + 17).split("[\\s\\x00]")[0]
                        : command.contains("mariadbd") ? "mariadb" : null;
                if (name != null) {
                    ticks.merge(name, ticks(Long.parseLong(path.getFileName().toString())), Long::sum);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc", e);
        }
        return ticks;
    }

    private static String commandLine(Path process) {
        try {
            return Files.readString(process.resolve("cmdline"));
        } catch (IOException e) {
            return "";
        }
    }

    /** utime + stime of a process, in clock ticks (0 if it is gone). */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
