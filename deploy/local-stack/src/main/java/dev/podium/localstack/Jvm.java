package dev.podium.localstack;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The java executable and classpath of the launcher itself, to start child JVMs with. */
final class Jvm {

    private Jvm() {
    }

    /** The same java that runs the launcher. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The launcher's own classpath with absolute entries: the fat jar when run with {@code java -jar},
     * the module's classes and dependencies when run from an IDE. Kafka runs from it.
     */
    static String launcherClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
