package dev.podium.localstack;

import dev.podium.processes.ChildProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Starts the whole platform in order and stops it in reverse order.
 *
 * <p>Start: Kafka (child JVM, formatted on first use) in the background while MariaDB and GreenMail
 * start; the gateway (it needs nothing but the services' ports); then the three services together, once
 * the database and the broker are ready; then wait until every {@code /health} is UP. Stop (Ctrl-C,
 * SIGTERM, or a failed start): the gateway and the services (SIGTERM, up to 15 s, then SIGKILL), Kafka
 * (same), GreenMail, MariaDB.
 */
final class Stack {

    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(90);

    private final StackHome home;
    private final StackSettings settings;
    private final EmbeddedDatabase database;
    private final KafkaBroker kafka;
    private final MailServer mail;
    private final TokenIssuer issuer;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final GatewayProcess gateway;

    /** Starts hold the read side, stop takes the write side: stop waits for a start in progress. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean stopping;
    private volatile boolean up;
    private boolean stopped;
    private boolean databaseStarted;
    private boolean mailStarted;
    private ChildProcess kafkaProcess;

    Stack(StackHome home, StackSettings settings) {
        this.home = home;
        this.settings = settings;
        this.database = new EmbeddedDatabase(home, settings);
        this.kafka = new KafkaBroker(home, settings);
        this.mail = new MailServer(settings);
        this.issuer = new TokenIssuer(settings);
        for (PodiumService service : PodiumService.values()) {
            services.add(new ServiceProcess(service, home, settings));
        }
        this.gateway = new GatewayProcess(home, settings);
    }

    /** Starts everything and returns once all services are healthy; throws StackException otherwise. */
    void start() {
        long started = System.nanoTime();
        for (ServiceProcess service : services) {
            if (!Files.isRegularFile(service.jar())) {
                throw new StackException(service.jar() + " is missing: build it with ./podium build");
            }
        }
        if (!Files.isRegularFile(gateway.jar())) {
            throw new StackException(gateway.jar() + " is missing: build it with ./podium build");
        }
        new StackProcesses(home).stopAll("left running by a launcher that was killed before it could stop it");
        PortCheck.requireFree(settings.portsByVariable());

        CompletableFuture<Void> kafkaReady = CompletableFuture.runAsync(this::startKafka);
        guarded(() -> {
            database.start();
            databaseStarted = true;
        });
        Terminal.say("MariaDB: ready on port " + settings.dbPort());
        guarded(() -> {
            mail.start();
            mailStarted = true;
        });
        Terminal.say("GreenMail: SMTP on port " + settings.smtpPort() + ", IMAP on port " + settings.imapPort());
        guarded(issuer::start);
        Terminal.say("Token issuer (development only): " + settings.issuerUrl() + "/token?sub=<you>");
        guarded(() -> watch(gateway.start()));
        Terminal.say("Gateway: started (pid " + gateway.process().pid() + "), waiting for " + gateway.baseUrl() + "/health");
        // Services start once the broker answers: started earlier they only log a screen of
        // "connection refused" warnings, for a gain of a few seconds at most on two cores.
        awaitKafka(kafkaReady);
        for (ServiceProcess service : services) {
            guarded(() -> watch(service.start()));
            Terminal.say(service.service().module() + ": started (pid " + service.process().pid() + "), waiting for "
                    + service.baseUrl() + "/health");
        }
        awaitHealthy(started);
        up = true;
        new StackSummary(home, settings, services, gateway, kafkaProcess).print(Duration.ofNanos(System.nanoTime() - started));
    }

    /** Stops everything, services first; safe to call more than once and from the shutdown hook. */
    void stop() {
        stopping = true;
        lifecycle.writeLock().lock();
        try {
            if (stopped) {
                return;
            }
            stopped = true;
            boolean anything = databaseStarted || mailStarted || kafkaProcess != null;
            if (anything) {
                Terminal.say("Stopping the stack: services, then Kafka, GreenMail, MariaDB");
            }
            List<CompletableFuture<Void>> serviceStops = new ArrayList<>();
            List<dev.podium.processes.ServiceProcess> processes = new ArrayList<>(services);
            processes.add(gateway);
            for (dev.podium.processes.ServiceProcess service : processes) {
                ChildProcess process = service.process();
                if (process != null) {
                    serviceStops.add(CompletableFuture.runAsync(() -> stopChild(process)));
                }
            }
            serviceStops.forEach(CompletableFuture::join);
            if (kafkaProcess != null) {
                stopChild(kafkaProcess);
                kafkaProcess = null;
            }
            issuer.stop();
            if (mailStarted) {
                mail.stop();
                mailStarted = false;
                Terminal.say("GreenMail stopped");
            }
            if (databaseStarted) {
                database.stop();
                databaseStarted = false;
                Terminal.say("MariaDB stopped");
            }
            new StackProcesses(home).stopAll("started outside the launcher with this stack's tag");
            try {
                Files.deleteIfExists(home.endpointsFile());
            } catch (IOException ignored) {
                // status only reads it while the lock is held
            }
            if (anything) {
                Terminal.say("Stack stopped.");
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void startKafka() {
        guarded(() -> {
            kafka.prepare();
            kafkaProcess = kafka.start();
            watch(kafkaProcess);
        });
        Terminal.say("Kafka: started (pid " + kafkaProcess.pid() + "), waiting for the broker");
        kafka.awaitReady(KAFKA_READY_TIMEOUT);
    }

    private void awaitKafka(CompletableFuture<Void> kafkaReady) {
        try {
            kafkaReady.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new StackException(e.getMessage(), e);
        }
        Terminal.say("Kafka: ready on " + settings.kafkaBootstrap());
    }

    private void awaitHealthy(long startedNanos) {
        long deadline = System.nanoTime() + settings.healthTimeout().toNanos();
        Map<dev.podium.processes.ServiceProcess, String> pending = new LinkedHashMap<>();
        pending.put(gateway, "gateway");
        services.forEach(service -> pending.put(service, service.service().module()));
        while (!pending.isEmpty()) {
            abortIfStopping();
            for (Map.Entry<dev.podium.processes.ServiceProcess, String> entry : List.copyOf(pending.entrySet())) {
                dev.podium.processes.ServiceProcess service = entry.getKey();
                ChildProcess process = service.process();
                if (!process.isAlive()) {
                    throw new StackException(entry.getValue() + " exited during start-up. Last lines of "
                            + process.logFile() + ":\n  " + String.join("\n  ", process.tail(40)));
                }
                if (service.isHealthy()) {
                    pending.remove(service);
                    Terminal.say(entry.getValue() + ": UP at " + service.baseUrl() + " ("
                            + seconds(System.nanoTime() - startedNanos) + " after launch)");
                }
            }
            if (!pending.isEmpty() && System.nanoTime() > deadline) {
                Map.Entry<dev.podium.processes.ServiceProcess, String> late = pending.entrySet().iterator().next();
                throw new StackException(late.getValue() + " did not report UP on " + late.getKey().baseUrl()
                        + "/health within " + settings.healthTimeout().toSeconds()
                        + " s (PODIUM_HEALTH_TIMEOUT_SECONDS). Last lines of " + late.getKey().process().logFile() + ":\n  "
                        + String.join("\n  ", late.getKey().process().tail(40)));
            }
            sleep(500);
        }
    }

    /** Once the stack is up, a process that exits by itself is reported loudly; the rest keeps running. */
    private void watch(ChildProcess process) {
        process.whenDiesUnexpectedly(exitCode -> {
            if (!up || stopping) {
                return; // during start-up the start itself fails and explains why
            }
            List<String> details = new ArrayList<>();
            details.add("Last lines of " + process.logFile() + ":");
            process.tail(25).forEach(line -> details.add("  " + line));
            details.add("The rest of the stack keeps running. Ctrl-C stops it; ./podium up starts it again.");
            Terminal.shout(process.name().toUpperCase() + " (pid " + process.pid() + ") DIED with exit code " + exitCode, details);
        });
    }

    private void stopChild(ChildProcess process) {
        Terminal.say("Stopping " + process.name() + " (pid " + process.pid() + ")");
        boolean graceful = process.stop(GRACE);
        Terminal.say(process.name() + (graceful ? " stopped"
                : " did not stop within " + GRACE.toSeconds() + " s: killed (pid " + process.pid() + ")"));
    }

    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    private void guarded(Step step) {
        lifecycle.readLock().lock();
        try {
            abortIfStopping();
            step.run();
        } catch (IOException e) {
            throw new StackException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new StackException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void abortIfStopping() {
        if (stopping) {
            throw new StackException("Start-up interrupted: the stack is stopping");
        }
    }

    boolean isStopping() {
        return stopping;
    }

    GatewayProcess gateway() {
        return gateway;
    }

    ServiceProcess service(PodiumService service) {
        return services.stream().filter(s -> s.service() == service).findFirst().orElseThrow();
    }

    /** Stops one service and starts it again alone; returns the time from its start to a healthy /health. */
    Duration restart(PodiumService service) {
        ServiceProcess process = service(service);
        stopChild(process.process());
        long started = System.nanoTime();
        guarded(() -> watch(process.start()));
        long deadline = started + settings.healthTimeout().toNanos();
        while (!process.isHealthy()) {
            if (!process.process().isAlive() || System.nanoTime() > deadline) {
                throw new StackException(service.module() + " did not come back. Last lines of "
                        + process.process().logFile() + ":\n  " + String.join("\n  ", process.process().tail(40)));
            }
            sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }
}
