package dev.podium.messaging.inbox;

import dev.podium.contracts.StreamVersion;
import dev.podium.contracts.Streams;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One consumer of one topic, declared with {@link MessageInbox#consumer}; its Kafka listener hands
 * each record to {@link #receive}, or a batch listener each poll to {@link #receiveAll}.
 */
public final class InboxConsumer {

    private final String name;
    private final String topic;
    private final MessageHandler handler;
    private final Set<String> factsFrom;
    private final MessageInbox inbox;

    InboxConsumer(String name, String topic, MessageHandler handler, Set<String> factsFrom, MessageInbox inbox) {
        this.name = name;
        this.topic = topic;
        this.handler = handler;
        this.factsFrom = Set.copyOf(factsFrom);
        this.inbox = inbox;
    }

    /**
     * Returns true if the message took effect now; false if it was a duplicate, unreadable, deferred
     * until the facts it depends on are known, or passed over to come again after a kept-back record.
     */
    public boolean receive(ConsumerRecord<String, String> record) {
        return inbox.receive(this, record);
    }

    /**
     * Receives a whole poll ({@link PodiumBatchListener}): its records take effect in their order, in
     * transactions of up to {@value PollReceiver#MAX_PER_TRANSACTION} records, with the guarantees of
     * {@link #receive}. A record that keeps failing is dead-lettered or kept back as a
     * {@link PodiumListener}'s would be; {@code kafka} is rewound so that nothing after it is skipped.
     */
    public void receiveAll(List<ConsumerRecord<String, String>> poll, Consumer<?, ?> kafka) {
        inbox.receiveAll(this, poll, kafka);
    }

    public String name() {
        return name;
    }

    public String topic() {
        return topic;
    }

    MessageHandler handler() {
        return handler;
    }

    /**
     * Of the facts a message names, those this consumer waits for: the ones whose streams come from
     * the topics it was declared to depend on. Another consumer of the same message may need none
     * of them (talks-service's catalogue does not wait for the group's members).
     */
    List<StreamVersion> awaited(List<StreamVersion> facts) {
        return facts.stream().filter(fact -> factsFrom.contains(Streams.topicOf(fact.stream()))).toList();
    }
}
