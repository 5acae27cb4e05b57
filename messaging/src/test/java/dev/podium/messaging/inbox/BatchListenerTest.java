package dev.podium.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.messaging.Samples;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.TopicReader;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A {@link PodiumBatchListener} through a real broker: the poll is received whole, and a failing record costs nothing else. */
@MicronautTest(transactional = false)
class BatchListenerTest implements RealServers {

    @Inject
    MessageCodec codec;
    @Inject
    PeopleBatchTestListener listener;

    /** So that a test finding no dead letter reads an empty topic rather than none (auto-created topics have 3 partitions). */
    @BeforeAll
    void deadLetterTopicExists() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(PeopleBatchTestListener.deadLetterTopic(), 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @Test
    void poisonFailingAndFlakyRecordsInAPollCostNoOtherRecordAndKeepTheirOrder() {
        String run = UUID.randomUUID().toString();
        String poisonKey = UUID.randomUUID().toString();
        PodiumMessage failing = Samples.personErased("fail-" + run + "@example.org");
        List<String> good = List.of("first-" + run + "@example.org", "flaky-" + run + "@example.org",
                "second-" + run + "@example.org", "third-" + run + "@example.org");

        try (KafkaProducer<String, String> producer = producer()) {
            // One partition, sent together: one poll holds them all, in this order.
            send(producer, good.get(0));
            producer.send(new ProducerRecord<>(PeopleBatchTestListener.TOPIC, 0, poisonKey, "{not json"));
            send(producer, good.get(1));
            producer.send(new ProducerRecord<>(PeopleBatchTestListener.TOPIC, 0, failing.subject(), encode(failing)));
            send(producer, good.get(2));
            send(producer, good.get(3));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> listener.erased.contains(good.get(3)));
        assertThat(listener.erased.stream().filter(email -> email.contains(run)).toList()).as("each once, in order")
                .containsExactlyElementsOf(good);
        try (TopicReader reader = TopicReader.fromBeginning(PeopleBatchTestListener.deadLetterTopic())) {
            assertThat(reader.drain(r -> poisonKey.equals(r.key()) || failing.subject().equals(r.key()), Duration.ofSeconds(5)))
                    .as("the poison and the failing record, once each").hasSize(2);
        }
    }

    @Test
    void aRecordThatFailedForWantOfTheDatabaseIsKeptAndTakesEffectInOrderOnceItIsBack() {
        String run = UUID.randomUUID().toString();
        String unreachable = "unreachable-" + run + "@example.org";
        String next = "next-" + run + "@example.org";
        PodiumMessage kept = Samples.personErased(unreachable);

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(PeopleBatchTestListener.TOPIC, 0, kept.subject(), encode(kept)));
            send(producer, next);
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> listener.erased.contains(next));
        assertThat(listener.erased.stream().filter(email -> email.contains(run)).toList()).as("kept back, then first, each once")
                .containsExactly(unreachable, next);
        assertThat(listener.attempts.get(unreachable)).as("tried past one round of retries, until it worked")
                .isEqualTo(PeopleBatchTestListener.UNREACHABLE_ATTEMPTS + 1);
        try (TopicReader reader = TopicReader.fromBeginning(PeopleBatchTestListener.deadLetterTopic())) {
            assertThat(reader.drain(r -> kept.subject().equals(r.key()), Duration.ofSeconds(3))).as("not dead-lettered").isEmpty();
        }
    }

    private void send(KafkaProducer<String, String> producer, String email) {
        PodiumMessage message = Samples.personErased(email);
        producer.send(new ProducerRecord<>(PeopleBatchTestListener.TOPIC, 0, message.subject(), encode(message)));
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private String encode(PodiumMessage message) {
        return codec.encode(message, "/podium/test", UUID.randomUUID(), Instant.now());
    }
}
