package dev.podium.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.persistence.Sql;
import dev.podium.testsupport.RealServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * messaging ships its tables (outbox, relay lock, processed messages) as {@code db/migration/V1__messaging.sql}
 * in its jar, where each service's Flyway finds it beside the service's own migrations. Every service
 * applied the very same file as its own V1 before it moved here, so existing databases accept it only
 * if Flyway sees the same version, description and checksum; else no service would start on them.
 */
@MicronautTest(transactional = false)
class SharedMigrationTest implements RealServers {

    /** Flyway's checksum of V1__messaging.sql as events-, talks- and notifications-service shipped it until now. */
    private static final int CHECKSUM_IN_EXISTING_DATABASES = -1546188424;

    @Inject
    Sql sql;

    record Applied(String version, String description, String script, int checksum) {
    }

    @Test
    void v1IsTheMigrationExistingDatabasesHold() {
        Applied v1 = sql.one("SELECT version, description, script, checksum FROM flyway_schema_history WHERE version = '1'",
                row -> new Applied(row.getString("version"), row.getString("description"), row.getString("script"), row.getInt("checksum")))
                .orElseThrow();

        assertThat(v1).isEqualTo(new Applied("1", "messaging", "V1__messaging.sql", CHECKSUM_IN_EXISTING_DATABASES));
    }

    @Test
    void theJarShipsItOnceAtTheLocationServicesScan() throws IOException {
        List<URL> copies = Collections.list(getClass().getClassLoader().getResources("db/migration/V1__messaging.sql"));

        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).toString()).doesNotContain("test-classes");
    }

    /**
     * Only V1: the services' own versions interleave after it (V8 here, V6 there), so a later migration of
     * messaging's tables has no version that suits all three and goes into each service's migrations.
     */
    @Test
    void theJarShipsNoOtherMigration() throws IOException, URISyntaxException {
        URL v1 = getClass().getClassLoader().getResource("db/migration/V1__messaging.sql");
        assertThat(v1).isNotNull();
        assertThat(v1.getProtocol()).as("messaging's own classes directory, in its own build").isEqualTo("file");
        try (Stream<Path> shipped = Files.list(Path.of(v1.toURI()).getParent())) {
            assertThat(shipped.map(file -> file.getFileName().toString())).containsExactly("V1__messaging.sql");
        }
    }
}
