package dev.podium.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.testsupport.FreePort;
import dev.podium.testsupport.ServiceProcess;
import dev.podium.testsupport.TestDatabase;
import dev.podium.testsupport.TestServers;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * events-service started as a process without the development switch: it refuses to start with a
 * development setting and says which variable, and starts with production-like settings (an OIDC
 * provider elsewhere, an audience, real secrets, a database user with a real password).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionStartTest {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionStartTest.class);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private TestDatabase database;
    private String dbUser;
    private String dbPassword;
    private ServiceProcess service;

    @BeforeAll
    void createDatabaseUserWithARealPassword() throws Exception {
        database = TestServers.mysql().createDatabase("prodstart");
        dbUser = "prod_" + run;
        dbPassword = secret();
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE USER '" + dbUser + "'@'%' IDENTIFIED BY '" + dbPassword + "'");
            statement.execute("GRANT ALL PRIVILEGES ON `" + database.name() + "`.* TO '" + dbUser + "'@'%'");
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("skip-grant-tables")) {
                throw e;
            }
            // The embedded MariaDB runs without grant tables: it accepts any password for its user.
            dbUser = database.username();
        }
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.kill();
        }
    }

    @Test
    void aChangeMeLinkSecretStopsTheStartAndIsNamed() {
        Map<String, String> env = production();
        env.put("EVENTS_LINK_SECRET", "change-me-events-link-secret-at-least-32-bytes");

        long started = System.nanoTime();
        service = ServiceProcess.start(EventsApplication.class.getName(), env, Map.of(),
                Path.of("target", "production-start-" + run + "-link-secret.log"), FreePort.find());
        int status = service.awaitExit(Duration.ofSeconds(90));
        LOG.info("events-service refused to start in {} ms (exit status {})", (System.nanoTime() - started) / 1_000_000, status);

        assertThat(status).isNotZero();
        assertThat(service.output())
                .contains("EVENTS_LINK_SECRET still has a committed or change-me value")
                .doesNotContain("DB_PASSWORD is", "AUTH_ISSUER", "AUTH_AUDIENCE is");
    }

    @Test
    void theDevelopmentIssuerStopsTheStartAndIsNamed() {
        Map<String, String> env = production();
        env.put("AUTH_ISSUER", TestServers.issuer().issuer().issuerUrl());
        env.put("AUTH_JWKS_URL", TestServers.issuer().jwksUrl());

        service = ServiceProcess.start(EventsApplication.class.getName(), env, Map.of(),
                Path.of("target", "production-start-" + run + "-issuer.log"), FreePort.find());

        assertThat(service.awaitExit(Duration.ofSeconds(90))).isNotZero();
        assertThat(service.output())
                .contains("AUTH_ISSUER points at a development token issuer")
                .contains("AUTH_JWKS_URL points at a development token issuer")
                .doesNotContain("EVENTS_LINK_SECRET still");
    }

    @Test
    void productionSettingsStartWithoutTheDevelopmentSwitch() {
        service = ServiceProcess.start(EventsApplication.class.getName(), production(), Map.of(),
                Path.of("target", "production-start-" + run + "-ok.log"), FreePort.find());

        service.awaitHealthy(Duration.ofMinutes(2));
        assertThat(service.output()).doesNotContain("Development mode");
    }

    private Map<String, String> production() {
        Map<String, String> env = new HashMap<>();
        env.put("PODIUM_DEVELOPMENT", "false");
        env.put("DB_URL", database.jdbcUrl());
        env.put("DB_USERNAME", dbUser);
        env.put("DB_PASSWORD", dbPassword);
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestServers.kafka().bootstrapServers());
        env.put("KAFKA_CONSUMER_GROUP", database.name());
        // An OIDC provider elsewhere: its keys are fetched only when a token arrives.
        env.put("AUTH_ISSUER", "https://sso.example.org/realms/podium");
        env.put("AUTH_JWKS_URL", "https://sso.example.org/realms/podium/protocol/openid-connect/certs");
        env.put("AUTH_AUDIENCE", "podium-api");
        env.put("EVENTS_LINK_SECRET", secret());
        return env;
    }

    private static String secret() {
        byte[] bytes = new byte[36];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
