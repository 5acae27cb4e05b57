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
 * A {@link PodiumListener} that receives each poll whole and hands it to {@link InboxConsumer#receiveAll},
 * which applies its records in one transaction (one commit instead of one per record) and settles
 * failing records itself, with the same retries, dead letters and kept-back records as a
 * {@link PodiumListener}. Listener methods take {@code List<ConsumerRecord<String, String>>} and the
 * Kafka {@code Consumer<?, ?>} (to rewind it).
 *
 * <p>The error strategy only matters if the method throws anyway: micronaut-kafka then polls the
 * same records again, and {@link DeadLetterExceptionHandler} keeps them back once it gives up.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaListener(groupId = "${podium.kafka.consumer-group}", offsetReset = OffsetReset.EARLIEST, batch = true,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
                retryCount = FailedRecords.RETRIES, retryDelay = FailedRecords.FIRST_RETRY_DELAY))
public @interface PodiumBatchListener {
}
