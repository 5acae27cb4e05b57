package dev.podium.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker formats its log dirs once, comes back on the same port with its topics, and stops cleanly. */
class KraftBrokerTest {

    @TempDir
    Path dir;

    @Test
    void formatsOnceAndKeepsItsTopicsAcrossARestart() throws Exception {
        KraftBroker broker = KraftBroker.builder(dir.resolve("kafka"))
                .port(freePort())
                .controllerPort(freePort())
                .property("offsets.topic.num.partitions", "1")
                .jvmOptions(name -> List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
                .childProcess(child -> child.logFile(dir.resolve("kafka.log")).destroyOnJvmExit())
                .build();
        assertThat(broker.isFormatted()).isFalse();
        broker.prepare();
        assertThat(broker.isFormatted()).isTrue();
        assertThat(Files.readString(broker.serverProperties())).contains("offsets.topic.num.partitions=1");
        String clusterId = Files.readString(broker.dataDir().resolve("meta.properties"));
        try {
            broker.start();
            broker.awaitReady(Duration.ofSeconds(90));
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
            }
            assertThat(broker.stop(Duration.ofSeconds(60))).as("a controlled shutdown").isTrue();
            assertThat(broker.isRunning()).isFalse();

            broker.prepare();
            assertThat(Files.readString(broker.dataDir().resolve("meta.properties"))).as("not formatted again").isEqualTo(clusterId);
            broker.start();
            broker.awaitReady(Duration.ofSeconds(90));
            try (Admin admin = admin(broker)) {
                Set<String> topics = admin.listTopics().names().get();
                assertThat(topics).contains("kept");
            }
        } finally {
            broker.stop(Duration.ofSeconds(60));
        }
    }

    private static Admin admin(KraftBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
