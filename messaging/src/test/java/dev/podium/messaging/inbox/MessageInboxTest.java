package dev.podium.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.Topics;
import dev.podium.messaging.Samples;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.TopicReader;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class MessageInboxTest implements RealServers {

    @Inject
    MessageInbox inbox;
    @Inject
    MessageCodec codec;
    @Inject
    PeopleTestListener listener;

    @Test
    void aMessageDeliveredTwiceTakesEffectOncePerConsumer() {
        ConsumerRecord<String, String> record = record(Topics.PEOPLE, Samples.personErased("twice@example.org"));
        AtomicInteger effects = new AtomicInteger();
        InboxConsumer erasure = consumer("erasure", message -> effects.incrementAndGet());
        InboxConsumer another = consumer("another-consumer", message -> effects.incrementAndGet());

        assertThat(erasure.receive(record)).isTrue();
        assertThat(erasure.receive(record)).isFalse();
        assertThat(another.receive(record)).isTrue();

        assertThat(effects).hasValue(2);
    }

    @Test
    void aFailedEffectLeavesTheMessageUnprocessedSoItCanBeRetried() {
        ConsumerRecord<String, String> record = record(Topics.PEOPLE, Samples.personErased("retry@example.org"));
        AtomicInteger effects = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        InboxConsumer erasure = consumer("erasure", message -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database said no");
            }
            effects.incrementAndGet();
        });

        assertThatThrownBy(() -> erasure.receive(record)).isInstanceOf(IllegalStateException.class);

        assertThat(erasure.receive(record)).isTrue();
        assertThat(effects).hasValue(1);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        ConsumerRecord<String, String> poison = new ConsumerRecord<>(Topics.PEOPLE, 0, 42L, key, "{not json");

        InboxConsumer erasure = consumer("erasure", message -> {
            throw new AssertionError("must not be called");
        });

        assertThat(erasure.receive(poison)).isFalse();

        try (TopicReader reader = TopicReader.fromBeginning(Topics.deadLetter(Topics.PEOPLE))) {
            List<ConsumerRecord<String, String>> letters = reader.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).value()).isEqualTo("{not json");
            assertThat(header(letters.get(0), "dlt-original-offset")).isEqualTo("42");
            assertThat(header(letters.get(0), "dlt-consumer")).isEqualTo(erasure.name());
        }
    }

    @Test
    void aMessageWhoseIdIsNotAUuidIsDeadLetteredNotTruncatedIntoAnotherMessagesId() {
        // CHAR(36) keeps a longer id's first 36 characters (INSERT IGNORE only warns): two different
        // messages whose ids share them would count as one, and the second would be dropped unseen.
        String sharedStart = UUID.randomUUID().toString();
        PodiumMessage message = Samples.personErased("id-" + UUID.randomUUID() + "@example.org");
        UUID id = UUID.randomUUID();
        String json = codec.encode(message, "/podium/test", id, Instant.now());
        ConsumerRecord<String, String> first = new ConsumerRecord<>(Topics.PEOPLE, 0, 7L, message.subject(),
                json.replace(id.toString(), sharedStart + "-first"));
        ConsumerRecord<String, String> second = new ConsumerRecord<>(Topics.PEOPLE, 0, 8L, message.subject(),
                json.replace(id.toString(), sharedStart + "-second"));
        ConsumerRecord<String, String> notAUuid = new ConsumerRecord<>(Topics.PEOPLE, 0, 9L, message.subject(),
                json.replace(id.toString(), "not-a-uuid"));
        AtomicInteger effects = new AtomicInteger();
        InboxConsumer erasure = consumer("erasure", received -> effects.incrementAndGet());

        assertThat(erasure.receive(first)).isFalse();
        assertThat(erasure.receive(second)).isFalse();
        assertThat(erasure.receive(notAUuid)).isFalse();

        assertThat(effects).as("neither took effect").hasValue(0);
        try (TopicReader reader = TopicReader.fromBeginning(Topics.deadLetter(Topics.PEOPLE))) {
            List<ConsumerRecord<String, String>> letters = reader.await(r -> message.subject().equals(r.key()), 3, Duration.ofSeconds(30));
            assertThat(letters).extracting(letter -> header(letter, "dlt-original-offset")).containsExactlyInAnyOrder("7", "8", "9");
        }
    }

    @Test
    void aListenerDeadLettersPoisonAndFailingMessagesAndKeepsConsuming() {
        String poisonKey = UUID.randomUUID().toString();
        String failing = "fail-" + UUID.randomUUID() + "@example.org";
        String good = "good-" + UUID.randomUUID() + "@example.org";
        PodiumMessage failingMessage = Samples.personErased(failing);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            // One partition for all three, so the good message really comes after the bad ones.
            producer.send(new ProducerRecord<>(Topics.PEOPLE, 0, poisonKey, "{\"type\":\"podium.events.Unknown\"}"));
            producer.send(new ProducerRecord<>(Topics.PEOPLE, 0, failingMessage.subject(), encode(failingMessage)));
            PodiumMessage goodMessage = Samples.personErased(good);
            producer.send(new ProducerRecord<>(Topics.PEOPLE, 0, goodMessage.subject(), encode(goodMessage)));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> listener.erased.contains(good));
        assertThat(listener.erased).doesNotContain(failing);
        try (TopicReader reader = TopicReader.fromBeginning(Topics.deadLetter(Topics.PEOPLE))) {
            assertThat(reader.await(r -> poisonKey.equals(r.key()) || failingMessage.subject().equals(r.key()), 2,
                    Duration.ofSeconds(30))).hasSize(2);
        }
    }

    @Test
    void aRecordThatFailedForWantOfTheDatabaseIsKeptAndTakesEffectInOrderOnceItIsBack() {
        String unreachable = "unreachable-" + UUID.randomUUID() + "@example.org";
        String next = "next-" + UUID.randomUUID() + "@example.org";
        PodiumMessage keptMessage = Samples.personErased(unreachable);
        PodiumMessage nextMessage = Samples.personErased(next);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            // One partition, sent together: the second one is in the batch behind the one that fails.
            producer.send(new ProducerRecord<>(Topics.PEOPLE, 0, keptMessage.subject(), encode(keptMessage)));
            producer.send(new ProducerRecord<>(Topics.PEOPLE, 0, nextMessage.subject(), encode(nextMessage)));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> listener.erased.contains(next));
        assertThat(listener.attempts.get(unreachable)).as("tried past the error strategy's retries, until it worked")
                .isEqualTo(PeopleTestListener.UNREACHABLE_ATTEMPTS + 1);
        assertThat(listener.erased).as("kept back, then processed first").containsSubsequence(unreachable, next);
        assertThat(listener.erased.stream().filter(next::equals)).as("the record behind it took effect once").hasSize(1);
        assertThat(listener.attempts.get(next)).as("the record behind it was passed over, not processed, while kept back")
                .isEqualTo(1);
        try (TopicReader reader = TopicReader.fromBeginning(Topics.deadLetter(Topics.PEOPLE))) {
            assertThat(reader.drain(r -> keptMessage.subject().equals(r.key()), Duration.ofSeconds(3)))
                    .as("not dead-lettered").isEmpty();
        }
    }

    /** A consumer of its own, under a name no other test uses. */
    private InboxConsumer consumer(String name, MessageHandler handler) {
        return inbox.consumer(name + "-" + UUID.randomUUID(), Topics.PEOPLE, handler);
    }

    private ConsumerRecord<String, String> record(String topic, PodiumMessage message) {
        return new ConsumerRecord<>(topic, 0, 0L, message.subject(), encode(message));
    }

    private String encode(PodiumMessage message) {
        return codec.encode(message, "/podium/test", UUID.randomUUID(), Instant.now());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
