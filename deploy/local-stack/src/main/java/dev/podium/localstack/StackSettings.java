package dev.podium.localstack;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ports, timeouts and JVM options of the local stack. Every value has a default and an environment
 * variable that overrides it.
 */
final class StackSettings {

    /** Local-stack defaults: a database user for development only, on a server bound to 127.0.0.1. */
    static final String DB_USER = "podium";
    static final String DB_PASSWORD = "podium";
    static final String HOST = "127.0.0.1";
    /** The invitations' ORGANIZER address, whose GreenMail mailbox (login and password the address) notifications-service reads. */
    static final String REPLY_MAILBOX = "rsvp@podium.localhost";

    private final Map<String, String> env;
    private final int dbPort;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final int smtpPort;
    private final int imapPort;
    private final int issuerPort;
    private final int gatewayPort;
    private final Map<PodiumService, Integer> servicePorts = new EnumMap<>(PodiumService.class);
    private final Duration healthTimeout;

    StackSettings(Map<String, String> env) {
        this.env = env;
        this.dbPort = port("PODIUM_DB_PORT", 3306);
        this.kafkaPort = port("PODIUM_KAFKA_PORT", 9092);
        this.kafkaControllerPort = port("PODIUM_KAFKA_CONTROLLER_PORT", 9093);
        this.smtpPort = port("PODIUM_SMTP_PORT", 3025);
        this.imapPort = port("PODIUM_IMAP_PORT", 3143);
        this.issuerPort = port("PODIUM_ISSUER_PORT", 8090);
        this.gatewayPort = port("PODIUM_GATEWAY_PORT", 8080);
        for (PodiumService service : PodiumService.values()) {
            servicePorts.put(service, port(service.portVariable(), service.defaultPort()));
        }
        this.healthTimeout = Duration.ofSeconds(number("PODIUM_HEALTH_TIMEOUT_SECONDS", 120));
    }

    int dbPort() {
        return dbPort;
    }

    int kafkaPort() {
        return kafkaPort;
    }

    int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    String kafkaBootstrap() {
        return HOST + ":" + kafkaPort;
    }

    int smtpPort() {
        return smtpPort;
    }

    int imapPort() {
        return imapPort;
    }

    /**
     * Where the services send email: GreenMail's SMTP port, unless PODIUM_SERVICES_SMTP_PORT names another
     * server on this host (the benchmarks' SMTP sink: GreenMail slows down with tens of thousands of mailboxes).
     */
    int servicesSmtpPort() {
        return port("PODIUM_SERVICES_SMTP_PORT", smtpPort);
    }

    int issuerPort() {
        return issuerPort;
    }

    /** The development token issuer's URL, written into its tokens and checked by the services. */
    String issuerUrl() {
        return "http://" + HOST + ":" + issuerPort;
    }

    int port(PodiumService service) {
        return servicePorts.get(service);
    }

    int gatewayPort() {
        return gatewayPort;
    }

    /**
     * The one public origin: the gateway, which forwards each path to the service that owns it. Every link
     * the services put in emails and pages starts with it (their *_PUBLIC_URL settings).
     */
    String publicUrl() {
        return "http://localhost:" + gatewayPort;
    }

    /** Where the gateway reaches a service. */
    String serviceUrl(PodiumService service) {
        return "http://" + HOST + ":" + servicePorts.get(service);
    }

    Duration healthTimeout() {
        return healthTimeout;
    }

    String jdbcUrl(String database) {
        return "jdbc:mysql://" + HOST + ":" + dbPort + "/" + database
                + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8";
    }

    /** Extra JVM options for each service (PODIUM_SERVICE_JAVA_OPTS), split on spaces. */
    List<String> serviceJavaOptions() {
        return options("PODIUM_SERVICE_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xmx512m");
    }

    /** JVM options for the gateway (PODIUM_GATEWAY_JAVA_OPTS), split on spaces: a small heap, it holds no body whole. */
    List<String> gatewayJavaOptions() {
        return options("PODIUM_GATEWAY_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xmx128m");
    }

    /** JVM options for the Kafka broker (PODIUM_KAFKA_JAVA_OPTS), split on spaces. */
    List<String> kafkaJavaOptions() {
        return options("PODIUM_KAFKA_JAVA_OPTS", "-Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20");
    }

    /** Every port the stack will listen on, with what it is for and the variable that moves it. */
    Map<String, Integer> portsByVariable() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PODIUM_DB_PORT (MariaDB)", dbPort);
        ports.put("PODIUM_KAFKA_PORT (Kafka broker)", kafkaPort);
        ports.put("PODIUM_KAFKA_CONTROLLER_PORT (Kafka controller)", kafkaControllerPort);
        ports.put("PODIUM_SMTP_PORT (GreenMail SMTP)", smtpPort);
        ports.put("PODIUM_IMAP_PORT (GreenMail IMAP)", imapPort);
        ports.put("PODIUM_ISSUER_PORT (development token issuer)", issuerPort);
        ports.put("PODIUM_GATEWAY_PORT (gateway, the one public origin)", gatewayPort);
        for (PodiumService service : PodiumService.values()) {
            ports.put(service.portVariable() + " (" + service.module() + ")", servicePorts.get(service));
        }
        return ports;
    }

    private int port(String variable, int defaultValue) {
        int port = number(variable, defaultValue);
        if (port < 1 || port > 65535) {
            throw new StackException(variable + "=" + port + " is not a port number (1-65535)");
        }
        return port;
    }

    private int number(String variable, int defaultValue) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new StackException(variable + "=" + value + " is not a number");
        }
    }

    private List<String> options(String variable, String defaultValue) {
        String value = env.getOrDefault(variable, defaultValue).trim();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }
}
