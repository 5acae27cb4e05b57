package dev.podium.testsupport;

import dev.podium.devissuer.DevIssuerServer;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * Implemented by a {@code @MicronautTest} class to run its application against the shared real
 * MySQL, Kafka and SMTP servers. The class gets a database of its own and a Kafka consumer group of
 * its own that starts at the current end of every topic, so test classes never see each other's
 * state or messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface RealServers extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        String prefix = getClass().getSimpleName().toLowerCase(Locale.ROOT);
        TestDatabase database = TestServers.mysql().createDatabase(prefix.substring(0, Math.min(40, prefix.length())));
        KafkaTestBroker kafka = TestServers.kafka();
        MailTestServer mail = TestServers.mail();
        DevIssuerServer issuer = TestServers.issuer();
        kafka.startConsumerGroupAtEnd(database.name());
        return Map.ofEntries(
                Map.entry("micronaut.security.token.jwt.signatures.jwks.podium.url", issuer.jwksUrl()),
                Map.entry("micronaut.security.token.jwt.claims-validators.issuer", issuer.issuer().issuerUrl()),
                Map.entry("micronaut.security.token.jwt.claims-validators.audience", issuer.issuer().audience()),
                // Test secrets and the development issuer: the start-up check would refuse them otherwise.
                Map.entry("podium.development", "true"),
                Map.entry("datasources.default.url", database.jdbcUrl()),
                Map.entry("datasources.default.username", database.username()),
                Map.entry("datasources.default.password", database.password()),
                Map.entry("kafka.bootstrap.servers", kafka.bootstrapServers()),
                Map.entry("podium.kafka.consumer-group", database.name()),
                Map.entry("podium.smtp.host", mail.host()),
                Map.entry("podium.smtp.port", String.valueOf(mail.smtpPort())),
                // Tests call from one address far more often than a person would; the limits have tests of their own.
                Map.entry("podium.rate-limits.public-writes.requests", "1000000"),
                Map.entry("podium.rate-limits.webhook-sends.requests", "1000000"),
                Map.entry("micronaut.server.port", "-1"));
    }
}
