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
 * {@link DeadLetterExceptionHandler} moves it to the dead-letter topic. Listener methods hand the
 * record to {@link MessageInbox#receive}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaListener(groupId = "${podium.kafka.consumer-group}", offsetReset = OffsetReset.EARLIEST,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 4, retryDelay = "200ms"))
public @interface PodiumListener {
}
