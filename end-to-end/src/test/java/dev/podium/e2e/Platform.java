package dev.podium.e2e;

import dev.podium.devissuer.DevIssuerServer;
import dev.podium.testsupport.FreePort;
import dev.podium.testsupport.KafkaTestBroker;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.ServiceProcess;
import dev.podium.testsupport.TestDatabase;
import dev.podium.testsupport.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The three services as separate processes ({@code java -jar} of their packaged jars, as the local
 * stack and the images run them), on the tests' real MySQL, Kafka, SMTP server and token issuer,
 * behind the gateway (its packaged jar too): the one public origin every request of the tests and
 * every link in an email goes through, as wherever Podium runs. Each platform gets databases and
 * consumer groups of its own.
 */
final class Platform implements AutoCloseable {

    private static final Path ROOT = Path.of(System.getProperty("podium.root", "..")).toAbsolutePath().normalize();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    enum Service {
        EVENTS("events-service"), TALKS("talks-service"), NOTIFICATIONS("notifications-service");

        final String module;

        Service(String module) {
            this.module = module;
        }

        Path jar() {
            return ROOT.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        }
    }

    private static final Path GATEWAY_JAR = ROOT.resolve("deploy/gateway/target/gateway-0.1.0-SNAPSHOT.jar");

    private final Map<Service, ServiceProcess> processes = new LinkedHashMap<>();
    private ServiceProcess gateway;

    private Platform() {
    }

    /**
     * Starts the three services and waits until each is healthy.
     *
     * @param name      prefix of the databases and consumer groups (lower case, short)
     * @param overrides extra environment per service (e.g. UPDATE_WINDOW for notifications-service)
     */
    static Platform start(String name, Map<Service, Map<String, String>> overrides) {
        Platform platform = new Platform();
        Map<Service, Integer> ports = new HashMap<>();
        for (Service service : Service.values()) {
            ports.put(service, FreePort.find());
        }
        int gatewayPort = FreePort.find();
        try {
            platform.gateway = ServiceProcess.startJar(GATEWAY_JAR, Map.of(
                            "GATEWAY_EVENTS_URL", "http://127.0.0.1:" + ports.get(Service.EVENTS),
                            "GATEWAY_TALKS_URL", "http://127.0.0.1:" + ports.get(Service.TALKS),
                            "GATEWAY_NOTIFICATIONS_URL", "http://127.0.0.1:" + ports.get(Service.NOTIFICATIONS)),
                    Map.of(), Path.of("target", "e2e-logs", name + "-gateway.log"), gatewayPort);
            for (Service service : Service.values()) {
                Map<String, String> environment = new HashMap<>(publicUrls(platform.gateway.baseUrl()));
                environment.putAll(overrides.getOrDefault(service, Map.of()));
                platform.processes.put(service, ServiceProcess.startJar(service.jar(), environment,
                        serverProperties(name + "_" + service.name().toLowerCase()),
                        Path.of("target", "e2e-logs", name + "-" + service.module + ".log"), ports.get(service)));
            }
            CompletableFuture.allOf(Stream.concat(platform.processes.values().stream(), Stream.of(platform.gateway))
                    .map(process -> CompletableFuture.runAsync(() -> process.awaitHealthy(START_TIMEOUT)))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    ServiceProcess process(Service service) {
        return processes.get(service);
    }

    /** Where a test reaches a service: the gateway, which forwards each path to the service that owns it. */
    String url(Service service) {
        return gateway.baseUrl();
    }

    @Override
    public void close() {
        processes.values().forEach(ServiceProcess::kill);
        if (gateway != null) {
            gateway.kill();
        }
    }

    /** Every link in an email starts with the one public origin, the gateway. */
    private static Map<String, String> publicUrls(String gatewayUrl) {
        return Map.of(
                "EVENTS_PUBLIC_URL", gatewayUrl,
                "TALKS_PUBLIC_BASE_URL", gatewayUrl,
                "NOTIFICATIONS_PUBLIC_URL", gatewayUrl);
    }

    /** The same settings RealServers gives in-JVM test applications, as system properties. */
    private static Map<String, String> serverProperties(String databaseName) {
        TestDatabase database = TestServers.mysql().createDatabase(databaseName);
        KafkaTestBroker kafka = TestServers.kafka();
        MailTestServer mail = TestServers.mail();
        DevIssuerServer issuer = TestServers.issuer();
        kafka.startConsumerGroupAtEnd(database.name());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("datasources.default.url", database.jdbcUrl());
        properties.put("datasources.default.username", database.username());
        properties.put("datasources.default.password", database.password());
        properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        properties.put("podium.kafka.consumer-group", database.name());
        properties.put("podium.smtp.host", mail.host());
        properties.put("podium.smtp.port", String.valueOf(mail.smtpPort()));
        properties.put("micronaut.security.token.jwt.signatures.jwks.podium.url", issuer.jwksUrl());
        properties.put("micronaut.security.token.jwt.claims-validators.issuer", issuer.issuer().issuerUrl());
        properties.put("podium.rate-limits.public-writes.requests", "1000000");
        return properties;
    }
}
