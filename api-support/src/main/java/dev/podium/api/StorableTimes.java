package dev.podium.api;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/** The validator of {@link StorableTime}, and the check itself for values parsed by hand. */
@Factory
public class StorableTimes {

    static final int FIRST_YEAR = 1900;
    // 9998, not 9999: a local time late on 31 December 9999 is in the year 10000 in UTC.
    static final int LAST_YEAR = 9998;

    @Singleton
    ConstraintValidator<StorableTime, Temporal> storableTimeValidator() {
        return (value, annotation, context) -> value == null || storable(value);
    }

    public static boolean storable(Temporal value) {
        int year;
        if (value instanceof Instant instant) {
            year = instant.atOffset(ZoneOffset.UTC).getYear();
        } else if (value instanceof LocalDateTime local) {
            year = local.getYear();
        } else if (value instanceof LocalDate date) {
            year = date.getYear();
        } else {
            return true;
        }
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
