package dev.podium.messaging.inbox;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Kafka listener of a Podium service: in the service's consumer group, from the earliest offset
 * when the group is new, retrying a failing record with exponential backoff before
 * {@link DeadLetterExceptionHandler} moves it to the dead-letter topic (or keeps it back: see
 * {@link FailedRecords}). Listener methods hand the record to {@link InboxConsumer#receive}; see
 * {@link PodiumBatchListener} for listeners that apply a whole poll in one transaction.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaListener(groupId = "${podium.kafka.consumer-group}", offsetReset = OffsetReset.EARLIEST,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = FailedRecords.RETRIES, retryDelay = FailedRecords.FIRST_RETRY_DELAY))
public @interface PodiumListener {
}
