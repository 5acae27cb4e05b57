package dev.podium.talks.support;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text has at most {@code max} Unicode code points (an emoji counts as one, unlike {@code @Size}
 * which counts UTF-16 units). Null is valid.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = {})
public @interface CodePoints {

    int max();

    String message() default "must be at most {max} characters (Unicode code points)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
