package dev.podium.localstack;

import dev.podium.processes.ChildProcess;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/** What is running where: printed once everything is healthy, and kept in endpoints.properties for status. */
final class StackSummary {

    private final StackHome home;
    private final StackSettings settings;
    private final List<ServiceProcess> services;
    private final GatewayProcess gateway;
    private final ChildProcess kafka;

    StackSummary(StackHome home, StackSettings settings, List<ServiceProcess> services, GatewayProcess gateway, ChildProcess kafka) {
        this.home = home;
        this.settings = settings;
        this.services = services;
        this.gateway = gateway;
        this.kafka = kafka;
    }

    void print(Duration elapsed) {
        StringBuilder text = new StringBuilder();
        String rule = "=".repeat(78);
        text.append(rule).append('\n');
        text.append("Podium is UP in ").append(Stack.seconds(elapsed.toNanos())).append("   (data: ").append(home.dir()).append(")\n");
        String origin = settings.publicUrl();
        text.append('\n');
        row(text, "Podium (one origin)", origin + "   (gateway, pid " + gateway.process().pid() + ")");
        row(text, "  talks archive", origin + "/talks");
        row(text, "  upcoming events", origin + "/events?when=upcoming");
        row(text, "  any API route", origin + "/groups, /events/{id}, /events/{id}/cfp, /speakers, /unsubscribe ...");
        row(text, "", "every link in emails points here (README: One public origin)");
        for (ServiceProcess service : services) {
            String url = service.baseUrl();
            text.append('\n');
            row(text, service.service().module(), url + "   (direct; pid " + service.process().pid() + ")");
            row(text, "  Swagger UI", url + "/swagger-ui/index.html");
            row(text, "  health", url + "/health");
            row(text, "  metrics", url + "/prometheus");
        }
        text.append('\n');
        row(text, "MariaDB", settings.jdbcUrl(PodiumService.EVENTS.database()).replaceFirst("\\?.*", ""));
        row(text, "", "databases " + String.join(", ", databases()));
        row(text, "", "user " + StackSettings.DB_USER + " / password " + StackSettings.DB_PASSWORD
                + " (local-stack default; root has no password)");
        row(text, "Kafka", "bootstrap " + settings.kafkaBootstrap() + "   (pid " + kafka.pid() + ", "
                + home.kafka().resolve("server.properties") + ")");
        row(text, "SMTP", StackSettings.HOST + ":" + settings.smtpPort());
        row(text, "IMAP", StackSettings.HOST + ":" + settings.imapPort() + "   (login and password: the recipient's address)");
        row(text, "Tokens", settings.issuerUrl() + "/token?sub=alice   (&role=admin; development only)");
        row(text, "Logs", home.logs().toString());
        text.append('\n').append("Ctrl-C stops everything.\n").append(rule);
        Terminal.say(text.toString());
        writeEndpoints();
    }

    private List<String> databases() {
        return java.util.Arrays.stream(PodiumService.values()).map(PodiumService::database).toList();
    }

    private static void row(StringBuilder text, String label, String value) {
        text.append(String.format("  %-24s %s%n", label, value));
    }

    private void writeEndpoints() {
        Properties endpoints = new Properties();
        endpoints.setProperty(GatewayProcess.NAME + ".url", gateway.baseUrl());
        endpoints.setProperty("public.url", settings.publicUrl());
        for (ServiceProcess service : services) {
            endpoints.setProperty(service.name() + ".url", service.baseUrl());
        }
        endpoints.setProperty("mariadb.port", Integer.toString(settings.dbPort()));
        endpoints.setProperty("kafka.bootstrap", settings.kafkaBootstrap());
        endpoints.setProperty("smtp.port", Integer.toString(settings.smtpPort()));
        endpoints.setProperty("imap.port", Integer.toString(settings.imapPort()));
        try (OutputStream out = Files.newOutputStream(home.endpointsFile())) {
            endpoints.store(out, "Endpoints of the running Podium local stack (written by ./podium up)");
        } catch (IOException e) {
            Terminal.say("Could not write " + home.endpointsFile() + ": " + e.getMessage());
        }
    }
}
