package dev.podium.talks.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The validators of talks-service's own constraints. */
@Factory
class Validators {

    static final int MAX_URL_LENGTH = 2000;

    @Singleton
    ConstraintValidator<CodePoints, CharSequence> codePointsValidator() {
        return (value, annotation, context) -> value == null
                || Character.codePointCount(value, 0, value.length()) <= annotation.intValue("max").orElse(Integer.MAX_VALUE);
    }

    @Singleton
    ConstraintValidator<WebUrl, CharSequence> webUrlValidator() {
        return (value, annotation, context) -> value == null || isWebUrl(value.toString());
    }

    static boolean isWebUrl(String value) {
        if (value.length() > MAX_URL_LENGTH || value.isBlank() || !value.strip().equals(value)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
