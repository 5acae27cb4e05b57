package dev.podium.messaging.inbox;

import dev.podium.persistence.DatabaseUnreachable;
import io.micronaut.configuration.kafka.exceptions.DefaultKafkaListenerExceptionHandler;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Called by micronaut-kafka once a listener's error strategy has given up on a record: the record
 * goes to its dead-letter topic instead of being silently skipped. A record that failed because the
 * service's database cannot be reached is not bad: it is kept (the consumer is rewound to it) and
 * tried again after a pause, until the database is back. So is a record whose dead letter could not
 * be written.
 */
@Singleton
@Replaces(DefaultKafkaListenerExceptionHandler.class)
class DeadLetterExceptionHandler implements KafkaListenerExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterExceptionHandler.class);
    /** On top of the error strategy's own backoff, so an outage costs a few attempts a minute, not a busy loop. */
    static final Duration PAUSE_BEFORE_RETRY = Duration.ofSeconds(2);

    private final DeadLetters deadLetters;
    private final KeptBackRecords keptBack;

    DeadLetterExceptionHandler(DeadLetters deadLetters, KeptBackRecords keptBack) {
        this.deadLetters = deadLetters;
        this.keptBack = keptBack;
    }

    @Override
    public void handle(KafkaListenerException exception) {
        String consumer = exception.getKafkaListener().getClass().getSimpleName();
        Throwable reason = exception.getCause() == null ? exception : exception.getCause();
        ConsumerRecord<?, ?> record = exception.getConsumerRecord().orElse(null);
        if (record == null) {
            LOG.warn("Kafka consumer {} failed outside a record: {}", consumer, reason.toString());
            return;
        }
        if (DatabaseUnreachable.is(reason)) {
            LOG.warn("{}-{}@{} kept for {}: the database cannot be reached; trying again in {} s", record.topic(),
                    record.partition(), record.offset(), consumer, PAUSE_BEFORE_RETRY.toSeconds());
            keepBack(exception, record);
            return;
        }
        try {
            deadLetters.send(record, consumer, reason);
        } catch (RuntimeException e) {
            LOG.warn("{}-{}@{} kept for {}: its dead letter could not be written ({}); trying again in {} s", record.topic(),
                    record.partition(), record.offset(), consumer, e.getMessage(), PAUSE_BEFORE_RETRY.toSeconds());
            keepBack(exception, record);
        }
    }

    private void keepBack(KafkaListenerException exception, ConsumerRecord<?, ?> record) {
        keptBack.keepBack(exception.getKafkaConsumer(), record, exception.getConsumerRecords());
        try {
            Thread.sleep(PAUSE_BEFORE_RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
