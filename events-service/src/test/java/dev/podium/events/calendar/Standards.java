package dev.podium.events.calendar;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The published standards the project validates against, kept outside the repository in
 * {@code shared/standards} (beside the repository's folder). Found from the system property
 * {@code podium.standards.dir} when set, else by walking up from the working directory.
 */
final class Standards {

    private Standards() {
    }

    static Path c3vocSchedule(String file) {
        return dir().resolve("c3voc-schedule").resolve(file);
    }

    private static Path dir() {
        String configured = System.getProperty("podium.standards.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("standards");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No shared/standards folder above " + Path.of("").toAbsolutePath()
                + "; set -Dpodium.standards.dir");
    }
}
