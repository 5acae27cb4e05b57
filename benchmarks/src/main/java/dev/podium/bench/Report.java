package dev.podium.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** BENCHMARKS.md: for each figure, Podium's number, the baseline measured in the same run, their ratio and the goal. */
final class Report {

    /** One line of the table. {@code higherIsBetter} decides which way the ratio reads. */
    record Figure(String section, String name, double podium, double baseline, String unit, boolean higherIsBetter,
                  String goal, Boolean met) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final String settings;

    Report(String settings) {
        this.settings = settings;
    }

    void add(Figure figure) {
        figures.add(figure);
        System.out.printf(Locale.ROOT, "[bench] %s: %s = %s %s (baseline %s)%s%n", figure.section(), figure.name(),
                number(figure.podium()), figure.unit(), number(figure.baseline()),
                figure.met() == null ? "" : figure.met() ? " goal met" : " GOAL MISSED");
    }

    void note(String text) {
        notes.add(text);
        System.out.println("[bench] " + text);
    }

    void write(Path file) throws IOException {
        StringBuilder md = new StringBuilder("# Podium benchmarks\n\n");
        md.append("Written by `./podium bench` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))).append(". ")
                .append("Every baseline ran in the same run, on the same machine, against the same servers.\n\n");
        md.append("**Machine:** ").append(machine()).append("\n\n");
        md.append("**Settings:** ").append(settings).append("\n\n");
        md.append("| benchmark | figure | Podium | baseline | ratio | goal | met |\n|---|---|---:|---:|---:|---|---|\n");
        for (Figure figure : figures) {
            md.append("| ").append(figure.section()).append(" | ").append(figure.name()).append(" | ")
                    .append(number(figure.podium())).append(' ').append(figure.unit()).append(" | ")
                    .append(Double.isNaN(figure.baseline()) ? "–" : number(figure.baseline()) + " " + figure.unit()).append(" | ")
                    .append(ratio(figure)).append(" | ").append(figure.goal() == null ? "" : figure.goal()).append(" | ")
                    .append(figure.met() == null ? "" : figure.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\nRatio: Podium's share of the baseline (Podium / baseline where higher is better, baseline / Podium "
                + "where lower is better): 100 % means as good as the baseline.\n");
        if (!notes.isEmpty()) {
            md.append("\n## Notes from this run\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        Files.writeString(file, md.toString());
        System.out.println("[bench] wrote " + file.toAbsolutePath());
    }

    private static String ratio(Figure figure) {
        if (Double.isNaN(figure.baseline()) || figure.baseline() == 0 || figure.podium() == 0) {
            return "–";
        }
        double ratio = figure.higherIsBetter() ? figure.podium() / figure.baseline() : figure.baseline() / figure.podium();
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    static String machine() {
        int cores = Runtime.getRuntime().availableProcessors();
        long memoryBytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%s, %d cores, %.1f GiB memory; %s; Java %s (%s)", cpuModel(), cores,
                memoryBytes / (1024.0 * 1024 * 1024), osName(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String osName() {
        try (Stream<String> lines = Files.lines(Path.of("/etc/os-release"))) {
            return lines.filter(line -> line.startsWith("PRETTY_NAME=")).map(line -> line.substring(12).replace("\"", ""))
                    .findFirst().orElse(System.getProperty("os.name"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.name") + " " + System.getProperty("os.version");
        }
    }
}
