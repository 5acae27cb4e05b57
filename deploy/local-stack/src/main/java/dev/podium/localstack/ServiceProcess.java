package dev.podium.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Micronaut service as its own process ({@code java -jar <module>/target/<module>.jar}), configured
 * by environment variables only, in the local stack's way: its port and the stack's servers, the
 * {@code PODIUM_SERVICE_JAVA_OPTS}, class-data sharing, the stack's process tag, output to
 * {@code logs/<name>.log} and the terminal.
 */
final class ServiceProcess extends dev.podium.processes.ServiceProcess {

    private final PodiumService service;
    private final Path jar;

    ServiceProcess(PodiumService service, StackHome home, StackSettings settings) {
        super(dev.podium.processes.ServiceProcess.builder(service.shortName(), "localhost", settings.port(service))
                .jar(service.jar(home.repoRoot()))
                .jvmOptions(() -> {
                    List<String> options = new ArrayList<>(settings.serviceJavaOptions());
                    options.addAll(classDataSharing(home, service.shortName(), service.jar(home.repoRoot())));
                    options.addAll(StackProcesses.tag(home, service.shortName()));
                    return options;
                })
                .environment(environment(service, settings))
                .childProcess(child -> child.workingDirectory(home.repoRoot()).logFile(home.log(service.shortName()))
                        .console(Terminal.processConsole()).newSession()));
        this.service = service;
        this.jar = service.jar(home.repoRoot());
    }

    PodiumService service() {
        return service;
    }

    Path jar() {
        return jar;
    }

    /**
     * Application class-data sharing: the first start of a jar records the classes it loaded into
     * {@code cds/<name>.jsa} when the service stops; later starts map that archive instead of loading
     * and verifying those classes again (start-up to healthy drops by about a third). A rebuilt jar
     * makes the archive stale: it is recorded again.
     */
    static List<String> classDataSharing(StackHome home, String name, Path jar) {
        Path archive = home.dir().resolve("cds").resolve(name + ".jsa");
        try {
            Files.createDirectories(archive.getParent());
            if (Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            }
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** The whole configuration of a service; each one ignores the variables it does not use. */
    private static Map<String, String> environment(PodiumService service, StackSettings settings) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", Integer.toString(settings.port(service)));
        env.put("DB_URL", settings.jdbcUrl(service.database()));
        env.put("DB_USERNAME", StackSettings.DB_USER);
        env.put("DB_PASSWORD", StackSettings.DB_PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
        env.put("SMTP_HOST", StackSettings.HOST);
        env.put("SMTP_PORT", Integer.toString(settings.servicesSmtpPort()));
        // Calendar answers (iTIP REPLY) go to the ORGANIZER address; notifications-service reads them from GreenMail.
        env.put("INVITATIONS_ORGANIZER_ADDRESS", StackSettings.REPLY_MAILBOX);
        env.put("INVITATIONS_REPLY_IMAP_HOST", StackSettings.HOST);
        env.put("INVITATIONS_REPLY_IMAP_PORT", Integer.toString(settings.imapPort()));
        env.put("INVITATIONS_REPLY_IMAP_SSL", "false");
        env.put("INVITATIONS_REPLY_IMAP_USER", StackSettings.REPLY_MAILBOX);
        env.put("INVITATIONS_REPLY_IMAP_PASSWORD", StackSettings.REPLY_MAILBOX);
        env.put("INVITATIONS_REPLY_POLL_INTERVAL", "5s");
        env.put("AUTH_JWKS_URL", settings.issuerUrl() + "/.well-known/jwks.json");
        env.put("AUTH_ISSUER", settings.issuerUrl());
        // Every link in emails and pages goes through the one origin, the gateway (README: One public origin).
        env.put("EVENTS_PUBLIC_URL", settings.publicUrl());
        env.put("TALKS_PUBLIC_BASE_URL", settings.publicUrl());
        env.put("NOTIFICATIONS_PUBLIC_URL", settings.publicUrl());
        // The gateway reaches the services from the loopback address: the client address (rate limits) is the
        // one it forwards in X-Forwarded-For.
        env.put("HTTP_TRUSTED_PROXIES", "127.0.0.1,::1");
        // Load tests run from one address: the local stack's public-write limit is out of their way.
        env.put("RATE_LIMIT_PUBLIC_WRITES", "1000000");
        // Webhook receivers on this machine (notifications-service; refused on loopback anywhere else, README: Webhooks).
        env.put("WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128");
        env.put("MICRONAUT_ENVIRONMENTS", "dev");
        // The development switch: the local stack's issuer and its committed secrets are accepted (never in production).
        env.put("PODIUM_DEVELOPMENT", "true");
        // glibc gives each thread that allocates its own malloc arena (up to 8 per core), which a JVM
        // with dozens of threads leaves mostly empty: two keep a service's resident memory lower.
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }
}
