package dev.podium.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real single-node KRaft Kafka broker running inside the test JVM (Kafka's own test kit). */
public final class KafkaTestBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTestBroker.class);

    private final KafkaClusterTestKit cluster;

    KafkaTestBroker() {
        // A broker that meets a fatal error (as it may while the JVM shuts down) halts the whole
        // process; in a test JVM that turns a passed run into a crashed fork. Log it instead.
        Exit.setHaltProcedure((status, message) -> LOG.warn("Kafka test broker asked to halt ({}): {}", status, message));
        Exit.setExitProcedure((status, message) -> LOG.warn("Kafka test broker asked to exit ({}): {}", status, message));
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the Kafka test broker", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
