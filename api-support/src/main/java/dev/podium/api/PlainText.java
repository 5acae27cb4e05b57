package dev.podium.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text without control characters: none of U+0000–U+001F (NUL, CR, LF, ESC …) nor U+007F, so that a
 * name or a title cannot break a line of an email header, a calendar or a CSV, nor hide text from
 * whoever reads it. {@code multiLine} text (descriptions, abstracts) may also hold tabs and line
 * breaks (CR, LF). Null is valid. Refused values are answered 400 problem+json naming the field.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = {})
public @interface PlainText {

    String message() default "must not contain control characters (line breaks, NUL, escape …)";

    /** Allows tab, CR and LF (still not NUL nor the other control characters). */
    boolean multiLine() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
