package dev.podium.notifications.email;

import java.util.Locale;
import java.util.Set;

/** The languages Podium writes email in; a group in any other language is written to in English. */
public final class EmailLanguage {

    private static final Set<String> SUPPORTED = Set.of("en", "fr");

    private EmailLanguage() {
    }

    /** The supported language closest to a group's language tag ("fr-CA" → "fr"). */
    public static String of(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return "en";
        }
        String language = Locale.forLanguageTag(languageTag.replace('_', '-')).getLanguage();
        return SUPPORTED.contains(language) ? language : "en";
    }

    public static Locale locale(String language) {
        return Locale.forLanguageTag(of(language));
    }
}
