package dev.podium.messaging.inbox;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Puts a record that could not be processed, and what followed it in its batch, back on the topic
 * instead of skipping it: the consumer is rewound to it, so the next poll delivers it again, in
 * order. Once micronaut-kafka has given up on a record it goes on with the rest of the batch, so the
 * records after it are passed over by {@link MessageInbox#receive} (they come again after it).
 *
 * <p>Runs on the consumer's own thread, as micronaut-kafka calls both the exception handler and the
 * listener there; the passed-over records are known by identity, so a record polled again is a new
 * object and is processed.
 */
@Singleton
class KeptBackRecords {

    private final ThreadLocal<Set<ConsumerRecord<?, ?>>> passOver = ThreadLocal.withInitial(KeptBackRecords::identitySet);

    void keepBack(Consumer<?, ?> consumer, ConsumerRecord<?, ?> failed, Optional<? extends ConsumerRecords<?, ?>> batch) {
        List<ConsumerRecord<?, ?>> remaining = new ArrayList<>();
        remaining.add(failed);
        if (batch.isPresent()) {
            boolean after = false;
            for (ConsumerRecord<?, ?> record : batch.get()) {
                if (after) {
                    remaining.add(record);
                } else if (record == failed || sameCoordinates(record, failed)) {
                    after = true;
                }
            }
        }
        resumeAt(consumer, remaining);
        Set<ConsumerRecord<?, ?>> rest = identitySet();
        rest.addAll(remaining.subList(1, remaining.size()));
        passOver.set(rest);
    }

    /**
     * Rewinds the consumer so that its next poll starts, in each partition, at the first of these
     * records (given in the order they were polled; a partition's records come together, in order).
     */
    void resumeAt(Consumer<?, ?> consumer, List<? extends ConsumerRecord<?, ?>> remaining) {
        Set<TopicPartition> rewound = new HashSet<>();
        for (ConsumerRecord<?, ?> record : remaining) {
            if (rewound.add(partition(record))) {
                consumer.seek(partition(record), record.offset());
            }
        }
    }

    /** True, once, for a record of the current batch that comes after one kept back. */
    boolean passOver(ConsumerRecord<?, ?> record) {
        return passOver.get().remove(record);
    }

    private static boolean sameCoordinates(ConsumerRecord<?, ?> a, ConsumerRecord<?, ?> b) {
        return a.partition() == b.partition() && a.offset() == b.offset() && a.topic().equals(b.topic());
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private static Set<ConsumerRecord<?, ?>> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
