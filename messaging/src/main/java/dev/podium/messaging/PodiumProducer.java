package dev.podium.messaging;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one Kafka producer of a service, used by the outbox relay and for dead letters. Idempotent,
 * and a record it accepted is never given up: it keeps retrying through a broker outage.
 *
 * <p>Why no delivery timeout: when an idempotent producer expires a batch, it bumps its epoch and
 * goes on sending the batches behind it, so the topic gets a later message of an aggregate without
 * the earlier one (the relay sends the earlier one again afterwards, out of order). Seen in
 * {@code KafkaOutageTest} when the broker came back just as a batch expired. Callers bound their own
 * wait on the returned future instead; {@code send} itself still fails fast ({@code max.block.ms})
 * when a topic's metadata cannot be had. Any producer setting can be overridden under
 * {@code podium.kafka.producer.*}.
 */
@Singleton
public class PodiumProducer {

    private final Producer<String, String> producer;

    PodiumProducer(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                   @Property(name = "podium.kafka.producer") @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
                   Map<String, String> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putAll(overrides);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    public Future<RecordMetadata> send(ProducerRecord<String, String> record) {
        return producer.send(record);
    }

    /** The producer's own metrics (Kafka's names: {@code producer-metrics} / {@code record-error-total}…). */
    public Map<MetricName, ? extends Metric> metrics() {
        return producer.metrics();
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
