package dev.podium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.MessageCatalog;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The poison-message fault on one consumed topic of the shared broker: a record that is not JSON and
 * a CloudEvents envelope of a type no service knows, both keyed like a good message published right
 * after them, so the three share a partition. The consumer must move both poison records to
 * {@code <topic>.dlt} and still apply the good message: a poison record must not block its partition.
 */
public final class PoisonMessages {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private PoisonMessages() {
    }

    /**
     * Publishes the two poison records, then {@code good}; waits until {@code goodTookEffect} holds,
     * then until both poison records are on the dead-letter topic, with their key and original topic.
     */
    public static void assertDeadLetteredWithoutBlocking(MessageCodec codec, PodiumMessage good, BooleanSupplier goodTookEffect) {
        String topic = MessageCatalog.byClass(good.getClass()).topic();
        String key = good.subject();
        String marker = "poison-" + UUID.randomUUID();
        String unknownType = """
                {"specversion":"1.0","id":"%s","source":"/podium/test","type":"podium.events.NoSuchThing","subject":"%s",
                 "time":"2026-11-24T00:00:00Z","datacontenttype":"application/json","data":{"marker":"%s"}}"""
                .formatted(UUID.randomUUID(), key, marker);
        TopicWriter.publishRaw(topic, key, "{not json at all " + marker);
        TopicWriter.publishRaw(topic, key, unknownType);
        TopicWriter.publish(codec, good);

        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!goodTookEffect.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("The " + good.getClass().getSimpleName() + " published on " + topic
                        + " after two poison records took no effect within " + TIMEOUT.toSeconds() + " s: is the partition blocked?");
            }
            sleep();
        }
        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.deadLetter(topic))) {
            List<ConsumerRecord<String, String>> parked = deadLetters.await(record -> record.value() != null
                    && record.value().contains(marker), 2, TIMEOUT);
            assertThat(parked).as("the two poison records of %s on its dead-letter topic", topic)
                    .hasSize(2)
                    .allSatisfy(record -> {
                        assertThat(record.key()).isEqualTo(key);
                        assertThat(header(record, "dlt-original-topic")).isEqualTo(topic);
                    });
            assertThat(parked).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("{not json at all " + marker, unknownType);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
