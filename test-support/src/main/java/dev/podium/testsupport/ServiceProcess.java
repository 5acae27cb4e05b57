package dev.podium.testsupport;

import dev.podium.processes.Jvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A service running in a JVM of its own ({@link dev.podium.processes.ServiceProcess}), for tests that
 * kill it the way an operating system would ({@code kill -9}) and start it again: on the test's
 * classpath or from its packaged jar, configured by environment variables and system properties, with
 * a test-sized heap, its output appended to a log file, killed should the test JVM exit without the
 * test's clean-up (a fork timeout).
 */
public final class ServiceProcess extends dev.podium.processes.ServiceProcess implements AutoCloseable {

    /** The development switch, on by default for the services tests start (see {@link #start}). */
    public static final String DEVELOPMENT_VARIABLE = "PODIUM_DEVELOPMENT";

    private ServiceProcess(String name, Map<String, String> environment, Map<String, String> systemProperties,
                           Path log, int httpPort, Path jar, String mainClass) {
        super(configure(dev.podium.processes.ServiceProcess.builder(name, "127.0.0.1", httpPort), jar, mainClass)
                .jvmOptions(jvmOptions(httpPort, systemProperties))
                .environment(withDevelopment(environment))
                .childProcess(child -> child.logFile(log).destroyOnJvmExit()));
    }

    /**
     * Starts {@code mainClass} with {@code micronaut.server.port} set to {@code httpPort}. The service
     * runs in development mode ({@code PODIUM_DEVELOPMENT=true}: test secrets and the tests'
     * development issuer are accepted) unless {@code environment} sets {@code PODIUM_DEVELOPMENT}.
     *
     * @param log the file both output streams are appended to, across restarts
     */
    public static ServiceProcess start(String mainClass, Map<String, String> environment, Map<String, String> systemProperties,
                                       Path log, int httpPort) {
        ServiceProcess service = new ServiceProcess(mainClass, environment, systemProperties, log, httpPort, null, mainClass);
        service.start();
        return service;
    }

    /** Starts a service's packaged jar ({@code java -jar}), the way the local stack and the images run it (development mode as {@link #start}). */
    public static ServiceProcess startJar(Path jar, Map<String, String> environment, Map<String, String> systemProperties,
                                          Path log, int httpPort) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package the service first (./mvnw package)");
        }
        ServiceProcess service = new ServiceProcess(jar.getFileName().toString(), environment, systemProperties, log, httpPort,
                jar, null);
        service.start();
        return service;
    }

    /** Kills the process (see {@link #kill()}). */
    @Override
    public void close() {
        kill();
    }

    private static Builder configure(Builder builder, Path jar, String mainClass) {
        return jar != null ? builder.jar(jar) : builder.mainClass(mainClass, Jvm.classPath());
    }

    private static Supplier<List<String>> jvmOptions(int httpPort, Map<String, String> systemProperties) {
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dmicronaut.server.port=" + httpPort));
        systemProperties.forEach((name, value) -> options.add("-D" + name + "=" + value));
        List<String> fixed = List.copyOf(options);
        return () -> fixed;
    }

    private static Map<String, String> withDevelopment(Map<String, String> environment) {
        Map<String, String> withDevelopment = new LinkedHashMap<>(environment);
        withDevelopment.putIfAbsent(DEVELOPMENT_VARIABLE, "true");
        return withDevelopment;
    }
}
