package dev.podium.messaging.inbox;

import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
        Set<ConsumerRecord<?, ?>> rest = identitySet();
        Set<TopicPartition> rewound = new HashSet<>();
        rewound.add(partition(failed));
        consumer.seek(partition(failed), failed.offset());
        if (batch.isPresent()) {
            boolean after = false;
            for (ConsumerRecord<?, ?> record : batch.get()) {
                if (after) {
                    rest.add(record);
                    // Records of one partition come together, in order: the first one left is where to resume.
                    if (rewound.add(partition(record))) {
                        consumer.seek(partition(record), record.offset());
                    }
                } else if (record == failed || sameCoordinates(record, failed)) {
                    after = true;
                }
            }
        }
        passOver.set(rest);
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
