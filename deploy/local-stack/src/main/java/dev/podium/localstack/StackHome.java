package dev.podium.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one folder that holds all the stack's data: {@code .podium/} in the repository root, or
 * {@code PODIUM_HOME}. Layout: {@code mariadb/} (binaries and data), {@code kafka/} (server.properties
 * and log dirs), {@code logs/<process>.log}, {@code stack.lock} (held while a launcher runs).
 */
final class StackHome {

    private static final String MARKER = ".podium-home";

    private final Path repoRoot;
    private final Path dir;

    private StackHome(Path repoRoot, Path dir) {
        this.repoRoot = repoRoot;
        this.dir = dir;
    }

    static StackHome locate(Map<String, String> env) {
        Path root = findRepoRoot(env);
        String home = env.get("PODIUM_HOME");
        Path dir = home == null || home.isBlank() ? root.resolve(".podium") : Path.of(home);
        return new StackHome(root, dir.toAbsolutePath().normalize());
    }

    Path repoRoot() {
        return repoRoot;
    }

    Path dir() {
        return dir;
    }

    Path logs() {
        return dir.resolve("logs");
    }

    Path log(String processName) {
        return logs().resolve(processName + ".log");
    }

    Path mariadb() {
        return dir.resolve("mariadb");
    }

    Path kafka() {
        return dir.resolve("kafka");
    }

    Path endpointsFile() {
        return dir.resolve("endpoints.properties");
    }

    boolean exists() {
        return Files.isDirectory(dir);
    }

    /** True if the folder was made by this launcher (so that reset never deletes anything else). */
    boolean isPodiumHome() {
        return Files.isRegularFile(dir.resolve(MARKER));
    }

    /** Creates the folder layout (idempotent). */
    void create() {
        try {
            Files.createDirectories(logs());
            Path marker = dir.resolve(MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "Podium local stack data (MariaDB, Kafka, logs). `./podium reset` deletes this folder.\n");
            }
        } catch (IOException e) {
            throw new StackException("Cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes the folder's lock: only one launcher may use a data folder. The lock is released by the
     * operating system when the launcher's process ends, however it ends.
     */
    Lock lock() {
        try {
            FileChannel channel = FileChannel.open(dir.resolve("stack.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new Lock(channel, lock);
        } catch (IOException e) {
            throw new StackException("Cannot lock " + dir.resolve("stack.lock") + ": " + e.getMessage(), e);
        }
    }

    /** The pid of the launcher that holds the lock, if one runs on this folder. */
    Optional<Long> runningLauncher() {
        if (!Files.exists(dir.resolve("stack.lock"))) {
            return Optional.empty();
        }
        Lock lock = lock();
        if (lock != null) {
            lock.release();
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(dir.resolve("stack.lock")).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.of(-1L);
        }
    }

    /** Deletes the whole folder. */
    void delete() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new StackException("Could not delete " + dir + " completely: " + e.getMessage(), e);
        }
    }

    /** The repository root: PODIUM_ROOT (set by ./podium), else the first parent of the working directory or the jar that has the modules. */
    private static Path findRepoRoot(Map<String, String> env) {
        String fromScript = env.get("PODIUM_ROOT");
        if (fromScript != null && !fromScript.isBlank()) {
            return Path.of(fromScript).toAbsolutePath().normalize();
        }
        for (Path start : new Path[] {Path.of("").toAbsolutePath(), jarLocation()}) {
            for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
                if (Files.isRegularFile(candidate.resolve("deploy/local-stack/pom.xml"))) {
                    return candidate.normalize();
                }
            }
        }
        throw new StackException("Cannot find the Podium repository root (a folder with deploy/local-stack/pom.xml). "
                + "Run ./podium from the repository, or set PODIUM_ROOT.");
    }

    private static Path jarLocation() {
        try {
            return Path.of(StackHome.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    /** The held lock on a data folder. */
    static final class Lock {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        void release() {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // the OS releases it when the process ends anyway
            }
        }
    }
}
