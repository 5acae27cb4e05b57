package dev.podium.processes;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The java executable and classpath of this JVM, to start child JVMs with. */
public final class Jvm {

    private Jvm() {
    }

    /** The same java that runs this JVM. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * This JVM's classpath with absolute entries: a fat jar when run with {@code java -jar}, a module's
     * classes and dependencies when run from an IDE or by Maven. Surefire may start a test JVM with a
     * manifest-only jar, whose manifest lists the real classpath: that jar works as {@code -cp} too, but
     * {@code surefire.test.class.path} then names the entries themselves, and is taken instead.
     */
    public static String classPath() {
        String classPath = System.getProperty("java.class.path");
        String surefire = System.getProperty("surefire.test.class.path");
        if (!containsClassesDirectory(classPath) && surefire != null && containsClassesDirectory(surefire)) {
            classPath = surefire;
        }
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean containsClassesDirectory(String classPath) {
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.endsWith("classes") || entry.endsWith("classes" + File.separator)) {
                return true;
            }
        }
        return false;
    }
}
