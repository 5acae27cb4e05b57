package dev.podium.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
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

    /**
     * Commits offsets at the current end of every topic for a consumer group that has not consumed
     * yet, so a test class's application sees only the messages produced after it starts, not the
     * history every earlier test class in this JVM left on the shared topics.
     */
    public void startConsumerGroupAtEnd(String groupId) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (topics.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(partition ->
                            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> ends.put(partition, new OffsetAndMetadata(offset.offset())));
            admin.alterConsumerGroupOffsets(groupId, ends).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while positioning consumer group " + groupId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not position consumer group " + groupId + " at the end of the topics", e);
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
