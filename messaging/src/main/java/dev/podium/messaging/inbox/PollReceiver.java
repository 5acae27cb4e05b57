package dev.podium.messaging.inbox;

import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a whole poll for a {@link PodiumBatchListener}: up to {@value #MAX_PER_TRANSACTION} records
 * in one transaction ({@link MessageInbox#receiveTogether}), so a read model catches up at the pace of
 * its statements rather than of its commits. If that transaction fails, nothing of it took effect and
 * its records are received one by one ({@link MessageInbox#receive}), each retried as a
 * {@link PodiumListener}'s error strategy would, then settled by {@link FailedRecords}. A record given
 * up on ends the poll: the consumer is rewound to what follows it (or to it, when kept back), so no
 * poll runs for longer than one record's retries, and nothing after it is skipped.
 *
 * <p>Unreadable records are dead-lettered after the transaction of their batch has committed, so a
 * batch that fails and is received again one by one does not dead-letter them twice.
 */
final class PollReceiver {

    /** Bounds the locks and undo log one transaction holds; a poll brings up to max.poll.records (500 by default). */
    static final int MAX_PER_TRANSACTION = 500;

    private static final Logger LOG = LoggerFactory.getLogger(PollReceiver.class);

    private final MessageInbox inbox;
    private final DeadLetters deadLetters;
    private final FailedRecords failed;
    private final KeptBackRecords keptBack;

    PollReceiver(MessageInbox inbox, DeadLetters deadLetters, FailedRecords failed, KeptBackRecords keptBack) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.failed = failed;
        this.keptBack = keptBack;
    }

    void receiveAll(InboxConsumer consumer, List<ConsumerRecord<String, String>> poll, Consumer<?, ?> kafka) {
        for (int from = 0; from < poll.size(); from += MAX_PER_TRANSACTION) {
            List<ConsumerRecord<String, String>> batch = poll.subList(from, Math.min(poll.size(), from + MAX_PER_TRANSACTION));
            if (!receiveBatch(consumer, batch, poll.subList(from, poll.size()), kafka)) {
                return;
            }
        }
    }

    /** Returns false if the poll ends here: the consumer was rewound, the rest of the poll comes again. */
    private boolean receiveBatch(InboxConsumer consumer, List<ConsumerRecord<String, String>> batch,
                                 List<ConsumerRecord<String, String>> restOfPoll, Consumer<?, ?> kafka) {
        List<MessageInbox.Reading> unreadable;
        try {
            unreadable = inbox.receiveTogether(consumer, batch);
        } catch (RuntimeException e) {
            LOG.info("A batch of {} records for {} failed ({}): receiving them one by one", batch.size(), consumer.name(),
                    e.getClass().getName());
            return oneByOne(consumer, batch.size(), restOfPoll, kafka);
        }
        for (MessageInbox.Reading reading : unreadable) {
            try {
                deadLetters.send(reading.record(), consumer.name(), reading.unreadable());
            } catch (RuntimeException e) {
                // The batch has committed: what follows this record in it is a duplicate now, and is passed over.
                int at = indexOf(restOfPoll, reading.record());
                return oneByOne(consumer, batch.size() - at, restOfPoll.subList(at, restOfPoll.size()), kafka);
            }
        }
        return true;
    }

    /** Receives the first {@code count} records of {@code rest} each in its own transaction. */
    private boolean oneByOne(InboxConsumer consumer, int count, List<ConsumerRecord<String, String>> rest, Consumer<?, ?> kafka) {
        for (int i = 0; i < count; i++) {
            if (!receiveWithRetries(consumer, rest.get(i), rest.subList(i, rest.size()), kafka)) {
                return false;
            }
        }
        return true;
    }

    private boolean receiveWithRetries(InboxConsumer consumer, ConsumerRecord<String, String> record,
                                       List<ConsumerRecord<String, String>> fromRecord, Consumer<?, ?> kafka) {
        for (int retry = 0; ; retry++) {
            try {
                inbox.receive(consumer, record);
                return true;
            } catch (RuntimeException e) {
                if (retry < FailedRecords.RETRIES) {
                    if (!FailedRecords.pause(FailedRecords.delayBefore(retry + 1))) {
                        keptBack.resumeAt(kafka, fromRecord);
                        return false;
                    }
                    continue;
                }
                boolean deadLettered = failed.giveUp(consumer.name(), record, e, () -> keptBack.resumeAt(kafka, fromRecord));
                if (deadLettered) {
                    keptBack.resumeAt(kafka, fromRecord.subList(1, fromRecord.size()));
                }
                return false;
            }
        }
    }

    private static int indexOf(List<ConsumerRecord<String, String>> records, ConsumerRecord<String, String> record) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) == record) {
                return i;
            }
        }
        throw new IllegalArgumentException("Not a record of this poll: " + record.topic() + "-" + record.partition() + "@" + record.offset());
    }
}
