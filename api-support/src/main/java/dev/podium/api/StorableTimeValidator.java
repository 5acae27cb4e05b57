package dev.podium.api;

import dev.podium.persistence.StorableTimes;
import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;
import java.time.temporal.Temporal;

/** The validator of {@link StorableTime}: persistence-support's {@link StorableTimes} check, on request values. */
@Factory
public class StorableTimeValidator {

    @Singleton
    ConstraintValidator<StorableTime, Temporal> storableTimeValidator() {
        return (value, annotation, context) -> value == null || StorableTimes.storable(value);
    }
}
