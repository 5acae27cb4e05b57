package dev.podium.messaging.inbox;

import io.micronaut.configuration.kafka.exceptions.DefaultKafkaListenerExceptionHandler;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

/**
 * Called by micronaut-kafka once a listener's error strategy has given up on a record: the record
 * goes to its dead-letter topic instead of being silently skipped.
 */
@Singleton
@Replaces(DefaultKafkaListenerExceptionHandler.class)
class DeadLetterExceptionHandler implements KafkaListenerExceptionHandler {

    private final DeadLetters deadLetters;

    DeadLetterExceptionHandler(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void handle(KafkaListenerException exception) {
        exception.getConsumerRecord().ifPresent(record -> deadLetters.send(record,
                exception.getKafkaListener().getClass().getSimpleName(),
                exception.getCause() == null ? exception : exception.getCause()));
    }
}
