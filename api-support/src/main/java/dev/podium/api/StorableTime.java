package dev.podium.api;

import dev.podium.persistence.StorableTimes;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An instant, local date-time or date between the years {@value StorableTimes#FIRST_YEAR} and
 * {@value StorableTimes#LAST_YEAR}: what a MySQL DATETIME column holds and a calendar shows. A year
 * 275760 parses as an ISO instant but no database stores it, so it is refused as bad input (400),
 * not discovered by the database (500). Null is valid.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = {})
public @interface StorableTime {

    String message() default "must be between the years " + StorableTimes.FIRST_YEAR + " and " + StorableTimes.LAST_YEAR;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
