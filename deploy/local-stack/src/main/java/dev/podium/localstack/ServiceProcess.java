package dev.podium.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Micronaut service as its own process ({@code java -jar <module>/target/<module>.jar}), configured
 * by environment variables only, and its {@code GET /health} check.
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PodiumService service;
    private final StackHome home;
    private final StackSettings settings;
    private ChildProcess process;

    ServiceProcess(PodiumService service, StackHome home, StackSettings settings) {
        this.service = service;
        this.home = home;
        this.settings = settings;
    }

    PodiumService service() {
        return service;
    }

    String name() {
        return service.shortName();
    }

    ChildProcess process() {
        return process;
    }

    String baseUrl() {
        return "http://localhost:" + settings.port(service);
    }

    Path jar() {
        return service.jar(home.repoRoot());
    }

    ChildProcess start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Jvm.javaExecutable());
        command.addAll(settings.serviceJavaOptions());
        command.addAll(classDataSharing());
        command.addAll(StackProcesses.tag(home, name()));
        command.add("-jar");
        command.add(jar().toString());
        process = ChildProcess.start(name(), command, environment(), home.repoRoot(), home.log(name()));
        return process;
    }

    /**
     * Application class-data sharing: the first start of a jar records the classes it loaded into
     * {@code cds/<name>.jsa} when the service stops; later starts map that archive instead of loading
     * and verifying those classes again (start-up to healthy drops by about a third). A rebuilt jar
     * makes the archive stale: it is recorded again.
     */
    private List<String> classDataSharing() throws IOException {
        Path archive = home.dir().resolve("cds").resolve(name() + ".jsa");
        Files.createDirectories(archive.getParent());
        if (Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar())) > 0) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        Files.deleteIfExists(archive);
        return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** The whole configuration of a service; each one ignores the variables it does not use. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", Integer.toString(settings.port(service)));
        env.put("DB_URL", settings.jdbcUrl(service.database()));
        env.put("DB_USERNAME", StackSettings.DB_USER);
        env.put("DB_PASSWORD", StackSettings.DB_PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
        env.put("SMTP_HOST", StackSettings.HOST);
        env.put("SMTP_PORT", Integer.toString(settings.servicesSmtpPort()));
        env.put("AUTH_JWKS_URL", settings.issuerUrl() + "/.well-known/jwks.json");
        env.put("AUTH_ISSUER", settings.issuerUrl());
        // Load tests run from one address: the local stack's public-write limit is out of their way.
        env.put("RATE_LIMIT_PUBLIC_WRITES", "1000000");
        env.put("MICRONAUT_ENVIRONMENTS", "dev");
        // The development switch: the local stack's issuer and its committed secrets are accepted (never in production).
        env.put("PODIUM_DEVELOPMENT", "true");
        // glibc gives each thread that allocates its own malloc arena (up to 8 per core), which a JVM
        // with dozens of threads leaves mostly empty: two keep a service's resident memory lower.
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }

    /** True if {@code GET /health} answers 200 with status UP. */
    boolean isHealthy() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
