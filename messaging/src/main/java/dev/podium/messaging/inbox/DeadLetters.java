package dev.podium.messaging.inbox;

import dev.podium.contracts.Topics;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import dev.podium.messaging.PodiumProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a record that cannot be processed to {@code <topic>.dlt}, with headers saying where it came
 * from and why, so it stops blocking its partition and stays available for inspection and replay.
 */
@Singleton
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final PodiumProducer producer;

    DeadLetters(PodiumProducer producer) {
        this.producer = producer;
    }

    /** Returns once Kafka has the dead letter; throws if it could not be written, so the record is not skipped. */
    public void send(ConsumerRecord<?, ?> record, String consumer, Throwable reason) {
        String topic = Topics.deadLetter(record.topic());
        ProducerRecord<String, String> deadLetter = new ProducerRecord<>(topic, null,
                asString(record.key()), asString(record.value()), record.headers());
        deadLetter.headers()
                .add("dlt-original-topic", bytes(record.topic()))
                .add("dlt-original-partition", bytes(String.valueOf(record.partition())))
                .add("dlt-original-offset", bytes(String.valueOf(record.offset())))
                .add("dlt-consumer", bytes(consumer))
                .add("dlt-reason", bytes(String.valueOf(reason)));
        try {
            producer.send(deadLetter).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write the dead letter to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the dead letter to " + topic, e);
        }
        // The reason's message may quote the payload (names, email addresses): only its type is logged;
        // the whole reason travels in the dead letter's dlt-reason header.
        LOG.warn("Dead-lettered {}-{}@{} for {}: {} (reason in the dlt-reason header)", record.topic(), record.partition(),
                record.offset(), consumer, reason.getClass().getName());
    }

    private static String asString(Object value) {
        return value == null ? null : value.toString();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
