package dev.podium.messaging.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.inject.Singleton;

/**
 * Gives Kafka's per-node and per-topic client metrics names of their own, and leaves out the
 * per-partition ones. micronaut-kafka reports
 * every Kafka client metric as {@code kafka.<consumer|producer>.<metric>} with the tags it carries
 * ({@code client-id}, and {@code node-id} or {@code topic}), so {@code request-total} of the client
 * and of each broker connection share one name with different tag keys, which Prometheus refuses
 * (a WARN at every start, and the per-node meters lost). Renamed, e.g.
 * {@code kafka.consumer.node.request-total} and {@code kafka.consumer.topic.records-consumed-total},
 * the names are unambiguous. Per-partition meters (records lag, preferred read replica) are
 * dropped: Kafka removes and adds them again at every rebalance, which Micrometer answers with an
 * "already registered" WARN, and Podium's own freshness gauges say how far behind a consumer is.
 */
@Singleton
public class KafkaMeterNames implements MeterFilter {

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return id.getName().startsWith("kafka.") && id.getTag("partition") != null ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = id.getName();
        if (!name.startsWith("kafka.")) {
            return id;
        }
        if (id.getTag("node-id") != null) {
            return id.withName(insert(name, "node"));
        }
        if (id.getTag("topic") != null) {
            return id.withName(insert(name, "topic"));
        }
        return id;
    }

    /** {@code kafka.consumer.request-total} → {@code kafka.consumer.node.request-total}. */
    static String insert(String name, String level) {
        int client = name.indexOf('.', "kafka.".length());
        return client < 0 ? name + "." + level : name.substring(0, client + 1) + level + name.substring(client);
    }
}
