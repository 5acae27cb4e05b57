package dev.podium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.devissuer.Identity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A clean start logs no WARN and no ERROR: the service runs as a process of its own, with its
 * production logging configuration ({@code logback.xml}), on the real servers, until it is healthy
 * and its Kafka clients' per-node meters are registered (where Prometheus used to refuse meters
 * and warn). A service's test extends this with its main class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CleanStartContract {

    private final Class<?> application;
    private ServiceProcess service;

    protected CleanStartContract(Class<?> application) {
        this.application = application;
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.kill();
        }
    }

    @Test
    void aCleanStartLogsNoWarning() {
        TestDatabase database = TestServers.mysql().createDatabase("cleanstart");
        TestServers.kafka().startConsumerGroupAtEnd(database.name());
        MailTestServer mail = TestServers.mail();
        String run = UUID.randomUUID().toString().substring(0, 8);
        service = ServiceProcess.start(application.getName(), Map.of(
                        "DB_URL", database.jdbcUrl(),
                        "DB_USERNAME", database.username(),
                        "DB_PASSWORD", database.password(),
                        "KAFKA_BOOTSTRAP_SERVERS", TestServers.kafka().bootstrapServers(),
                        "KAFKA_CONSUMER_GROUP", database.name(),
                        "SMTP_HOST", mail.host(),
                        "SMTP_PORT", String.valueOf(mail.smtpPort()),
                        "AUTH_JWKS_URL", TestServers.issuer().jwksUrl(),
                        "AUTH_ISSUER", TestServers.issuer().issuer().issuerUrl()),
                // The logging configuration the service ships with, not the tests' logback-test.xml.
                Map.of("logback.configurationFile", "logback.xml"),
                Path.of("target", "clean-start-" + run + ".log"), FreePort.find());
        service.awaitHealthy(Duration.ofMinutes(2));
        String admin = Tokens.of(Identity.admin("ops-" + run));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!service.get("/prometheus", admin).contains("kafka_consumer_node_request_total")) {
            assertThat(System.nanoTime() - deadline).as("the Kafka clients' per-node meters are registered within 2 minutes").isNegative();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        assertThat(service.output().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")))
                .as("WARN and ERROR lines of a clean start (%s)", application.getSimpleName()).isEmpty();
    }
}
