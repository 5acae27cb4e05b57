package dev.podium.localstack;

import dev.podium.processes.EmbeddedMariaDb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * MariaDB 11.4 ({@link EmbeddedMariaDb}), running as a child process on {@code 127.0.0.1}, with its binaries
 * and data under {@code .podium/mariadb/}, kept wherever that folder lies (the temporary folder included).
 * The data folder is initialised once (mysql_install_db), marked {@code initialised}, and reused on later
 * starts; the databases and the {@code podium} user are created with IF NOT EXISTS on every start.
 *
 * <p>Local-stack defaults: root@localhost has no password and the {@code podium}/{@code podium} user has
 * all privileges on the three Podium databases. Never use this server for anything but development.
 */
final class EmbeddedDatabase {

    private static final String INITIALISED_MARKER = "initialised";

    private final StackHome home;
    private final StackSettings settings;
    private EmbeddedMariaDb db;

    EmbeddedDatabase(StackHome home, StackSettings settings) {
        this.home = home;
        this.settings = settings;
    }

    /** The data directory as MariaDB sees it (also how its process is recognised). */
    static String dataDir(StackHome home) {
        Path dir = home.mariadb().resolve("data");
        try {
            return dir.toFile().getCanonicalPath();
        } catch (IOException e) {
            return dir.toString();
        }
    }

    void start() {
        Path base = home.mariadb().resolve("base");
        Path data = home.mariadb().resolve("data");
        Path marker = home.mariadb().resolve(INITIALISED_MARKER);
        try {
            boolean initialised = Files.exists(marker);
            if (initialised && !Files.isDirectory(data.resolve("mysql"))) {
                throw new StackException("MariaDB: " + marker + " says the data folder was set up, but " + data
                        + " holds no databases: it was deleted or emptied since (a cleaner of the temporary folder?), and"
                        + " with it everything stored locally. MariaDB was not started on it. Put the folder back, or run"
                        + " `./podium reset` to delete " + home.dir() + " and start again from empty databases.");
            }
            if (!initialised && Files.exists(data)) {
                Terminal.say("MariaDB: the data folder was never fully initialised (interrupted first start?): re-creating it");
                deleteRecursively(data);
            }
            db = EmbeddedMariaDb.builder(base, data, home.mariadb().resolve("tmp"))
                    .port(settings.dbPort())
                    .bindAddress(StackSettings.HOST)
                    .enforceAccounts()
                    .build();
            Terminal.say(initialised ? "MariaDB: starting on port " + settings.dbPort() + " (existing data)"
                    : "MariaDB: first start: unpacking MariaDB 11.4 and initialising " + data);
            db.start(!initialised);
            createDatabasesAndUser();
            if (!initialised) {
                Files.writeString(marker, "mysql_install_db done, databases and user created\n");
            }
        } catch (IOException | SQLException e) {
            throw new StackException("MariaDB did not start on port " + settings.dbPort() + ": " + e.getMessage()
                    + "\nSee " + home.log("mariadb"), e);
        }
    }

    void stop() {
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (IOException e) {
            Terminal.say("MariaDB did not stop cleanly: " + e.getMessage());
        }
        db = null;
    }

    private void createDatabasesAndUser() throws SQLException {
        String rootUrl = "jdbc:mysql://" + StackSettings.HOST + ":" + settings.dbPort() + "/?user=root&password=";
        try (Connection connection = DriverManager.getConnection(rootUrl);
             Statement sql = connection.createStatement()) {
            // Anonymous accounts would shadow podium@'%' for connections from localhost.
            sql.execute("DELETE FROM mysql.global_priv WHERE User = ''");
            sql.execute("FLUSH PRIVILEGES");
            sql.execute("DROP DATABASE IF EXISTS test");
            for (String host : List.of("localhost", "%")) {
                sql.execute("CREATE USER IF NOT EXISTS '" + StackSettings.DB_USER + "'@'" + host
                        + "' IDENTIFIED BY '" + StackSettings.DB_PASSWORD + "'");
            }
            for (PodiumService service : PodiumService.values()) {
                sql.execute("CREATE DATABASE IF NOT EXISTS `" + service.database()
                        + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                for (String host : List.of("localhost", "%")) {
                    sql.execute("GRANT ALL PRIVILEGES ON `" + service.database() + "`.* TO '"
                            + StackSettings.DB_USER + "'@'" + host + "'");
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
