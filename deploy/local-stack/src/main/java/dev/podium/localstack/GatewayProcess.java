package dev.podium.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway ({@code java -jar deploy/gateway/target/gateway.jar}): the local stack's one public origin on
 * {@code PODIUM_GATEWAY_PORT} (8080), forwarding each path to the service that owns it on this machine.
 */
final class GatewayProcess extends dev.podium.processes.ServiceProcess {

    static final String NAME = "gateway";

    private final Path jar;

    GatewayProcess(StackHome home, StackSettings settings) {
        super(dev.podium.processes.ServiceProcess.builder(NAME, "localhost", settings.gatewayPort())
                .jar(jar(home))
                .jvmOptions(() -> {
                    List<String> options = new ArrayList<>(settings.gatewayJavaOptions());
                    options.addAll(ServiceProcess.classDataSharing(home, NAME, jar(home)));
                    options.addAll(StackProcesses.tag(home, NAME));
                    return options;
                })
                .environment(Map.of(
                        "PORT", Integer.toString(settings.gatewayPort()),
                        "GATEWAY_EVENTS_URL", settings.serviceUrl(PodiumService.EVENTS),
                        "GATEWAY_TALKS_URL", settings.serviceUrl(PodiumService.TALKS),
                        "GATEWAY_NOTIFICATIONS_URL", settings.serviceUrl(PodiumService.NOTIFICATIONS),
                        "MALLOC_ARENA_MAX", "2"))
                .childProcess(child -> child.workingDirectory(home.repoRoot()).logFile(home.log(NAME))
                        .console(Terminal.processConsole()).newSession()));
        this.jar = jar(home);
    }

    static Path jar(StackHome home) {
        return home.repoRoot().resolve("deploy").resolve("gateway").resolve("target")
                .resolve("gateway-" + PodiumService.VERSION + ".jar");
    }

    Path jar() {
        return jar;
    }
}
