package dev.podium.testsupport;

import dev.podium.contracts.MessageCatalog;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes messages the way another service's outbox relay would (CloudEvents envelope on the
 * message type's topic, keyed by its subject), for tests of a consumer without that service.
 */
public final class TopicWriter {

    private static KafkaProducer<String, String> producer;

    private TopicWriter() {
    }

    public static void publish(MessageCodec codec, PodiumMessage message) {
        publish(codec, message, UUID.randomUUID(), null);
    }

    /** @param partition null to let the key choose it */
    public static synchronized void publish(MessageCodec codec, PodiumMessage message, UUID messageId, Integer partition) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "2"),
                    new StringSerializer(), new StringSerializer());
        }
        String topic = MessageCatalog.byClass(message.getClass()).topic();
        String value = codec.encode(message, "/podium/test", messageId, Instant.now());
        try {
            producer.send(new ProducerRecord<>(topic, partition, message.subject(), value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not publish " + message, e);
        }
    }
}
