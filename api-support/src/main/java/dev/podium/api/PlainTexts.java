package dev.podium.api;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

/** The validator of {@link PlainText}, and the check itself for text read by hand (CSV lines …). */
@Factory
public class PlainTexts {

    @Singleton
    ConstraintValidator<PlainText, CharSequence> plainTextValidator() {
        return (value, annotation, context) -> value == null || plain(value, annotation.booleanValue("multiLine").orElse(false));
    }

    /** True if {@code text} holds no control character (but tab, CR and LF when {@code multiLine}). */
    public static boolean plain(CharSequence text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (!(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                    return false;
                }
            }
        }
        return true;
    }
}
