package dev.podium.testsupport;

import dev.podium.contracts.Causality;
import dev.podium.contracts.MessageCatalog;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
        try {
            producer().send(record(codec, message, messageId, partition)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not publish " + message, e);
        }
    }

    /**
     * Publishes many messages at once: all are sent before any acknowledgement is waited for, so
     * thousands take a moment instead of a round trip each. Messages with the same subject keep
     * their order; returns once every one is acknowledged.
     */
    public static synchronized void publishAll(MessageCodec codec, List<? extends PodiumMessage> messages) {
        KafkaProducer<String, String> sending = producer();
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(messages.size());
        for (PodiumMessage message : messages) {
            acknowledgements.add(sending.send(record(codec, message, UUID.randomUUID(), null)));
        }
        sending.flush();
        for (int i = 0; i < acknowledgements.size(); i++) {
            try {
                acknowledgements.get(i).get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("Could not publish " + messages.get(i), e);
            }
        }
    }

    /** Publishes one message with its causality, as its producer's relay would. */
    public static synchronized void publish(MessageCodec codec, ProducerVersions.Outgoing outgoing) {
        try {
            producer().send(record(codec, outgoing.message(), outgoing.causality(), UUID.randomUUID(), null)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not publish " + outgoing.message(), e);
        }
    }

    /**
     * Publishes many messages with their causality at once, in the given order for each key (a relay
     * publishing its outbox); returns once every one is acknowledged.
     */
    public static synchronized void publishOutgoing(MessageCodec codec, List<ProducerVersions.Outgoing> messages) {
        KafkaProducer<String, String> sending = producer();
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(messages.size());
        for (ProducerVersions.Outgoing outgoing : messages) {
            acknowledgements.add(sending.send(record(codec, outgoing.message(), outgoing.causality(), UUID.randomUUID(), null)));
        }
        sending.flush();
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            try {
                acknowledgement.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("Could not publish a message", e);
            }
        }
    }

    /** Publishes a record as it is, whatever it holds (a test's malformed or foreign record). */
    public static synchronized void publishRaw(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not publish a record to " + topic, e);
        }
    }

    private static ProducerRecord<String, String> record(MessageCodec codec, PodiumMessage message, UUID messageId,
                                                         Integer partition) {
        return record(codec, message, Causality.NONE, messageId, partition);
    }

    private static ProducerRecord<String, String> record(MessageCodec codec, PodiumMessage message, Causality causality,
                                                         UUID messageId, Integer partition) {
        String topic = MessageCatalog.byClass(message.getClass()).topic();
        String value = codec.encode(message, "/podium/test", messageId, Instant.now(), causality);
        return new ProducerRecord<>(topic, partition, message.subject(), value);
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "2"),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
