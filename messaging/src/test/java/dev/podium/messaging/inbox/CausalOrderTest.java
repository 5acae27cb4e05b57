package dev.podium.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.Causality;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.StreamVersion;
import dev.podium.contracts.Topics;
import dev.podium.contracts.events.PersonErased;
import dev.podium.messaging.Samples;
import dev.podium.messaging.causality.Watermarks;
import dev.podium.testsupport.LogCapture;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TopicReader;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rule of causal versions, on the real database: a message is acted on only once this
 * service's read model has reached the stream versions its producer had; until then it waits in
 * {@code deferred_message}, and so does every later message of its key.
 */
@MicronautTest(transactional = false)
@Property(name = "podium.inbox.deferred-warn-after", value = "1s")
@Property(name = "podium.inbox.freshness-interval", value = "200ms")
class CausalOrderTest implements RealServers {

    @Inject
    MessageInbox inbox;
    @Inject
    MessageCodec codec;
    @Inject
    Watermarks watermarks;
    @Inject
    DeferredMessages deferred;

    // Micronaut keeps one instance of the test class: each test starts from a stream and a list of its own.
    private String stream;
    private List<String> applied;

    @BeforeEach
    void freshStream() {
        stream = "group-members/" + UUID.randomUUID();
        applied = new CopyOnWriteArrayList<>();
    }

    @Test
    void aMessageWaitsForTheFactsItsProducerHadThenTakesEffectOnceAndInItsKeysOrder() {
        InboxConsumer changes = consumer("changes", message -> applied.add("change"));
        InboxConsumer dependents = consumer("dependents", message -> applied.add(((PersonErased) message.data()).email()));
        String key = UUID.randomUUID().toString();
        ConsumerRecord<String, String> announcement = record(key, "first@example.org", Causality.after(new StreamVersion(stream, 2)));
        ConsumerRecord<String, String> behindIt = record(key, "second@example.org", Causality.NONE);
        ConsumerRecord<String, String> otherKey = record(UUID.randomUUID().toString(), "other-key@example.org", Causality.NONE);

        assertThat(dependents.receive(announcement)).as("the group's members are not known yet").isFalse();
        assertThat(dependents.receive(behindIt)).as("queued behind the message of its key").isFalse();
        assertThat(dependents.receive(announcement)).as("a redelivery while it waits").isFalse();
        assertThat(dependents.receive(otherKey)).as("another key does not wait").isTrue();
        assertThat(changes.receive(change(1))).isTrue();
        assertThat(deferred.waiting(dependents.name(), key)).hasSize(2);
        assertThat(applied).containsExactly("other-key@example.org", "change");

        assertThat(changes.receive(change(2))).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> applied.size() == 5);
        assertThat(applied).containsExactly("other-key@example.org", "change", "change", "first@example.org", "second@example.org");
        assertThat(deferred.waiting(dependents.name(), key)).isEmpty();
        assertThat(watermarks.known(stream)).isEqualTo(2);
    }

    @Test
    void aMessageWhoseFactsAreKnownTakesEffectAtOnce() {
        InboxConsumer changes = consumer("changes", message -> applied.add("change"));
        InboxConsumer dependents = consumer("dependents", message -> applied.add("dependent"));
        changes.receive(change(1));

        assertThat(dependents.receive(record(UUID.randomUUID().toString(), "x@example.org",
                Causality.after(new StreamVersion(stream, 1))))).isTrue();
        assertThat(applied).containsExactly("change", "dependent");
    }

    @Test
    void aConsumerThatDoesNotReadTheFactsDoesNotWaitForThem() {
        InboxConsumer independent = inbox.consumer("independent-" + UUID.randomUUID(), Topics.PEOPLE, message -> applied.add("independent"));

        assertThat(independent.receive(record(UUID.randomUUID().toString(), "x@example.org",
                Causality.after(new StreamVersion(stream, 7))))).isTrue();
        assertThat(applied).containsExactly("independent");
    }

    @Test
    void aRedeliveredChangeDoesNotMoveTheWatermarkBack() {
        InboxConsumer changes = consumer("changes", message -> applied.add("change"));
        changes.receive(change(3));
        watermarks.raise(new StreamVersion(stream, 2));

        assertThat(watermarks.known(stream)).isEqualTo(3);
    }

    @Test
    void aMessageWaitingLongerThanTheBoundIsLoggedAsAWarningOnce() {
        InboxConsumer waiting = consumer("waiting", message -> applied.add("never"));
        try (LogCapture log = LogCapture.warningsAndAbove()) {
            waiting.receive(record(UUID.randomUUID().toString(), "late@example.org", Causality.after(new StreamVersion(stream, 3))));

            await().atMost(Duration.ofSeconds(30)).until(() -> warningsAbout(log, waiting.name()) == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> warningsAbout(log, waiting.name()) == 1);
            assertThat(log.events().stream().filter(event -> event.contains(waiting.name())).findFirst().orElseThrow())
                    .contains(stream + "@3", "podium.events.PersonErased");
        }
        assertThat(applied).isEmpty();
    }

    private static long warningsAbout(LogCapture log, String consumer) {
        return log.events().stream().filter(event -> event.startsWith("WARN") && event.contains(consumer + " has waited")).count();
    }

    @Test
    void aDeferredMessageWhoseEffectKeepsFailingIsDeadLetteredAfterItsAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        InboxConsumer changes = consumer("changes", message -> applied.add("change"));
        InboxConsumer failing = consumer("failing", message -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("cannot render this one");
        });
        String key = UUID.randomUUID().toString();
        failing.receive(record(key, "poison@example.org", Causality.after(new StreamVersion(stream, 1))));

        changes.receive(change(1));

        try (TopicReader reader = TopicReader.fromBeginning(Topics.deadLetter(Topics.PEOPLE))) {
            List<ConsumerRecord<String, String>> letters = reader.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(60));
            assertThat(letters).hasSize(1);
        }
        assertThat(attempts).hasValue(5);
        assertThat(deferred.waiting(failing.name(), key)).isEmpty();
    }

    /** A consumer of the people topic whose effects read the group's members (the streams of the test). */
    private InboxConsumer consumer(String name, MessageHandler handler) {
        return inbox.consumer(name + "-" + UUID.randomUUID(), Topics.PEOPLE, handler, Topics.GROUPS);
    }

    /** A change of the test's stream, as its producer's outbox writes it. */
    private ConsumerRecord<String, String> change(long version) {
        return record(stream, "change-" + version + "@example.org", Causality.advancing(new StreamVersion(stream, version)));
    }

    private ConsumerRecord<String, String> record(String key, String email, Causality causality) {
        PodiumMessage message = Samples.personErased(email);
        String payload = codec.encode(message, "/podium/test", UUID.randomUUID(), Instant.parse("2027-01-10T09:00:00Z"), causality);
        return new ConsumerRecord<>(Topics.PEOPLE, 0, 0L, key, payload);
    }
}
