package dev.podium.messaging.inbox;

import io.micronaut.configuration.kafka.exceptions.DefaultKafkaListenerExceptionHandler;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Called by micronaut-kafka once a listener's error strategy has given up on a record: {@link FailedRecords}
 * dead-letters it or keeps it back. A batch listener ({@link PodiumBatchListener}) settles its records
 * itself; should its method still throw, the whole poll is kept back rather than skipped.
 */
@Singleton
@Replaces(DefaultKafkaListenerExceptionHandler.class)
class DeadLetterExceptionHandler implements KafkaListenerExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterExceptionHandler.class);

    private final FailedRecords failed;
    private final KeptBackRecords keptBack;

    DeadLetterExceptionHandler(FailedRecords failed, KeptBackRecords keptBack) {
        this.failed = failed;
        this.keptBack = keptBack;
    }

    @Override
    public void handle(KafkaListenerException exception) {
        String consumer = exception.getKafkaListener().getClass().getSimpleName();
        Throwable reason = exception.getCause() == null ? exception : exception.getCause();
        ConsumerRecord<?, ?> record = exception.getConsumerRecord().orElse(null);
        if (record != null) {
            failed.giveUp(consumer, record, reason, () -> keptBack.keepBack(exception.getKafkaConsumer(), record,
                    exception.getConsumerRecords()));
            return;
        }
        List<ConsumerRecord<?, ?>> poll = new ArrayList<>();
        exception.getConsumerRecords().ifPresent(records -> records.forEach(poll::add));
        if (poll.isEmpty()) {
            LOG.warn("Kafka consumer {} failed outside a record: {}", consumer, reason.toString());
            return;
        }
        LOG.warn("Kafka consumer {} failed on a poll of {} records ({}); they come again in {} s", consumer, poll.size(),
                reason.getClass().getName(), FailedRecords.PAUSE_BEFORE_RETRY.toSeconds());
        keptBack.resumeAt(exception.getKafkaConsumer(), poll);
        FailedRecords.pause(FailedRecords.PAUSE_BEFORE_RETRY);
    }
}
