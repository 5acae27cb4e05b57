package dev.podium.testsupport;

import dev.podium.devissuer.DevIssuerServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The real servers Podium's integration tests run against, started once per test JVM on first use
 * and stopped when the JVM exits.
 *
 * <p>MySQL: {@code -Dpodium.test.mysql=auto|container|embedded} (or {@code PODIUM_TEST_MYSQL}); with
 * {@code auto}, Testcontainers is used whenever a Docker engine answers, else embedded MariaDB. The
 * container image comes from {@code -Dpodium.test.mysql.image} (or {@code PODIUM_MYSQL_IMAGE}),
 * default {@value #DEFAULT_MYSQL_IMAGE}.
 */
public final class TestServers {

    public static final String DEFAULT_MYSQL_IMAGE = "mysql:8.4";

    private static final Logger LOG = LoggerFactory.getLogger(TestServers.class);

    private static MySqlServer mysql;
    private static KafkaTestBroker kafka;
    private static MailTestServer mail;
    private static DevIssuerServer issuer;

    private TestServers() {
    }

    public static synchronized MySqlServer mysql() {
        if (mysql == null) {
            mysql = startMySql();
            LOG.info("[podium-test-servers] MySQL: {}", mysql.description());
        }
        return mysql;
    }

    public static synchronized KafkaTestBroker kafka() {
        if (kafka == null) {
            kafka = new KafkaTestBroker();
            LOG.info("[podium-test-servers] Kafka: KRaft broker in this JVM at {}", kafka.bootstrapServers());
        }
        return kafka;
    }

    /** The development token issuer every test application trusts (JWKS on a free local port). */
    public static synchronized DevIssuerServer issuer() {
        if (issuer == null) {
            try {
                issuer = DevIssuerServer.start("127.0.0.1", 0, null);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the development token issuer", e);
            }
            LOG.info("[podium-test-servers] Tokens: development issuer at {}", issuer.issuer().issuerUrl());
        }
        return issuer;
    }

    public static synchronized MailTestServer mail() {
        if (mail == null) {
            mail = new MailTestServer();
            LOG.info("[podium-test-servers] SMTP: GreenMail at {}:{} (IMAP {})", mail.host(), mail.smtpPort(), mail.imapPort());
        }
        return mail;
    }

    private static MySqlServer startMySql() {
        String mode = setting("podium.test.mysql", "PODIUM_TEST_MYSQL").orElse("auto").toLowerCase(Locale.ROOT);
        String image = setting("podium.test.mysql.image", "PODIUM_MYSQL_IMAGE").orElse(DEFAULT_MYSQL_IMAGE);
        return switch (mode) {
            case "container" -> new ContainerMySqlServer(image);
            case "embedded" -> new EmbeddedMariaDbServer();
            case "auto" -> {
                if (DockerClientFactory.instance().isDockerAvailable()) {
                    yield new ContainerMySqlServer(image);
                }
                LOG.info("[podium-test-servers] No Docker engine answers: falling back to embedded MariaDB");
                yield new EmbeddedMariaDbServer();
            }
            default -> throw new IllegalArgumentException(
                    "podium.test.mysql must be auto, container or embedded, not " + mode);
        };
    }

    private static Optional<String> setting(String property, String environmentVariable) {
        return Optional.ofNullable(System.getProperty(property))
                .or(() -> Optional.ofNullable(System.getenv(environmentVariable)))
                .filter(value -> !value.isBlank());
    }

    /**
     * One hook stops everything in order (Kafka, then mail, then MySQL) instead of three hooks
     * racing each other while the JVM exits.
     */
    private static synchronized void stopAll() {
        for (AutoCloseable server : new AutoCloseable[] {issuer, kafka, mail, mysql}) {
            if (server != null) {
                try {
                    server.close();
                } catch (Exception e) {
                    LOG.warn("Could not stop {}", server, e);
                }
            }
        }
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestServers::stopAll, "podium-test-servers-stop"));
    }
}
