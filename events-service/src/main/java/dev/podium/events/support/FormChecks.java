package dev.podium.events.support;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks a page's form with the constraints of the API's request record (the same rules, declared
 * once), and names each failure as a message key the page shows next to the field.
 */
@Singleton
public class FormChecks {

    private final Validator validator;

    FormChecks(Validator validator) {
        this.validator = validator;
    }

    public FormInput check(Object request, Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString();
            field = field.substring(field.lastIndexOf('.') + 1);
            errors.putIfAbsent(field, key(violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()));
        }
        return new FormInput(values, errors);
    }

    private static String key(String constraint) {
        return switch (constraint) {
            case "NotBlank", "NotNull", "NotEmpty" -> "required";
            case "Email" -> "email";
            case "Size" -> "too-long";
            case "PlainText" -> "plain-text";
            default -> "invalid";
        };
    }
}
