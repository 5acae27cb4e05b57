package dev.podium.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The Podium local stack: {@code ./podium up} runs MariaDB, Kafka, GreenMail and the three services on
 * this machine without Docker; {@code ./podium reset} deletes their data; {@code ./podium status} tells
 * what runs.
 */
public final class LocalStack {

    private static final String USAGE = """
            Usage: ./podium <command>
              up          build what is missing, start MariaDB, Kafka, GreenMail, the three services and the gateway
                          (one origin on http://localhost:8080); Ctrl-C stops all
              status      what is running on the data folder, and each service's health
              reset [-y]  delete the data folder (databases, Kafka topics, logs); asks first unless -y
              build       rebuild the service jars and the launcher (./mvnw -q -DskipTests package)
              bench [names]  run the benchmarks on a fresh .podium-bench/ and write BENCHMARKS.md (README: Benchmarks)
            Data folder: .podium/ in the repository (PODIUM_HOME overrides it).
            Ports: PODIUM_DB_PORT (3306), PODIUM_KAFKA_PORT (9092), PODIUM_KAFKA_CONTROLLER_PORT (9093),
                   PODIUM_SMTP_PORT (3025), PODIUM_IMAP_PORT (3143), PODIUM_EVENTS_PORT (8081),
                   PODIUM_TALKS_PORT (8082), PODIUM_NOTIFICATIONS_PORT (8083), PODIUM_ISSUER_PORT (8090),
                   PODIUM_GATEWAY_PORT (8080).
            Also: PODIUM_HEALTH_TIMEOUT_SECONDS (120), PODIUM_SERVICE_JAVA_OPTS, PODIUM_GATEWAY_JAVA_OPTS,
                  PODIUM_KAFKA_JAVA_OPTS.""";

    private LocalStack() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            Map<String, String> env = System.getenv();
            StackHome home = StackHome.locate(env);
            System.setProperty("podium.logs", home.logs().toString()); // before any library logs (logback.xml)
            int exitCode = switch (command) {
                case "up" -> up(home, new StackSettings(env));
                case "status" -> status(home);
                case "reset" -> reset(home, options.contains("-y") || options.contains("--yes"));
                case "help", "-h", "--help" -> {
                    System.out.println(USAGE);
                    yield 0;
                }
                default -> {
                    System.err.println("Unknown command: " + command + "\n" + USAGE);
                    yield 2;
                }
            };
            if (!"up".equals(command) || exitCode != 0) {
                System.exit(exitCode);
            }
        } catch (StackException e) {
            Terminal.say("ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    private static int up(StackHome home, StackSettings settings) {
        home.create();
        StackHome.Lock lock = home.lock();
        if (lock == null) {
            throw new StackException("The stack is already running on " + home.dir() + " (launcher pid "
                    + home.runningLauncher().map(String::valueOf).orElse("?") + "). ./podium status shows it.");
        }
        Terminal.alsoLogTo(home.log("podium"));
        org.slf4j.LoggerFactory.getILoggerFactory(); // initialise logging once, before threads race to do it
        Terminal.say("Starting the Podium local stack (data: " + home.dir() + ")");
        Stack stack = new Stack(home, settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "podium-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (!stack.isStopping()) {
                Terminal.say("ERROR: " + e.getMessage());
                if (!(e instanceof StackException)) {
                    e.printStackTrace(Terminal.out());
                }
            }
            stack.stop();
            return 1;
        }
        try {
            Thread.currentThread().join(); // until Ctrl-C / SIGTERM: the shutdown hook stops the stack
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int status(StackHome home) {
        Optional<Long> launcher = home.runningLauncher();
        List<StackProcesses.Found> processes = home.exists() ? new StackProcesses(home).find() : List.of();
        if (launcher.isEmpty()) {
            System.out.println("The Podium local stack is not running (data folder: " + home.dir()
                    + (home.exists() ? ")" : ", not created yet)"));
            processes.forEach(p -> System.out.printf("  but found %s, pid %d: it will be stopped by the next ./podium up%n",
                    p.name(), p.pid()));
            return 3;
        }
        System.out.println("The Podium local stack is running (launcher pid " + launcher.get() + ", data: " + home.dir() + ")");
        for (StackProcesses.Found process : processes) {
            System.out.printf("  %-16s pid %-8d %s%n", process.name(), process.pid(),
                    process.rssKb().map(kb -> "RSS " + kb / 1024 + " MB").orElse(""));
        }
        Properties endpoints = new Properties();
        try (InputStream in = Files.newInputStream(home.endpointsFile())) {
            endpoints.load(in);
        } catch (IOException e) {
            System.out.println("  (still starting: no endpoints yet)");
            return 0;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String gatewayUrl = endpoints.getProperty(GatewayProcess.NAME + ".url");
        System.out.printf("  %-22s %s/health  %s   (one origin: %s)%n", "gateway", gatewayUrl, health(http, gatewayUrl + "/health"),
                endpoints.getProperty("public.url"));
        for (PodiumService service : PodiumService.values()) {
            String url = endpoints.getProperty(service.shortName() + ".url");
            System.out.printf("  %-22s %s/health  %s%n", service.module(), url, health(http, url + "/health"));
        }
        System.out.println("  Kafka bootstrap " + endpoints.getProperty("kafka.bootstrap") + ", MariaDB port "
                + endpoints.getProperty("mariadb.port") + ", SMTP " + endpoints.getProperty("smtp.port")
                + ", IMAP " + endpoints.getProperty("imap.port"));
        return 0;
    }

    private static String health(HttpClient http, String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher status = java.util.regex.Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"")
                    .matcher(response.body());
            return (status.find() ? status.group(1) : "?") + " (HTTP " + response.statusCode() + ")";
        } catch (IOException e) {
            return "not answering (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static int reset(StackHome home, boolean yes) {
        if (!home.exists()) {
            System.out.println("Nothing to reset: " + home.dir() + " does not exist.");
            return 0;
        }
        if (!home.isPodiumHome()) {
            throw new StackException(home.dir() + " does not look like a Podium data folder (no .podium-home file): "
                    + "not deleting it.");
        }
        StackHome.Lock lock = home.lock();
        if (lock == null) {
            throw new StackException("The stack is running on " + home.dir() + " (launcher pid "
                    + home.runningLauncher().map(String::valueOf).orElse("?") + "): stop it (Ctrl-C) before a reset.");
        }
        if (!yes && !confirm("Delete " + home.dir() + " (all local databases, Kafka topics and logs)? [y/N] ")) {
            lock.release();
            System.out.println("Nothing deleted.");
            return 1;
        }
        new StackProcesses(home).stopAll("left running by a launcher that was killed");
        home.delete();
        lock.release();
        System.out.println("Deleted " + home.dir() + ". The next ./podium up starts from scratch.");
        return 0;
    }

    private static boolean confirm(String question) {
        System.out.print(question);
        System.out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
