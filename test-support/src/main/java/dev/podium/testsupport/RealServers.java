package dev.podium.testsupport;

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
        kafka.startConsumerGroupAtEnd(database.name());
        return Map.of(
                "datasources.default.url", database.jdbcUrl(),
                "datasources.default.username", database.username(),
                "datasources.default.password", database.password(),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "podium.kafka.consumer-group", database.name(),
                "podium.smtp.host", mail.host(),
                "podium.smtp.port", String.valueOf(mail.smtpPort()),
                "micronaut.server.port", "-1");
    }
}
