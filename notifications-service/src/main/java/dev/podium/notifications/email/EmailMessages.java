package dev.podium.notifications.email;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of Podium's emails in each language ({@code i18n/email*.properties}, UTF-8). Arguments
 * replace {@code {0}}, {@code {1}}, … literally: no MessageFormat, so French apostrophes need no escaping.
 */
public final class EmailMessages {

    private static final String BUNDLE = "i18n.email";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private EmailMessages() {
    }

    public static String text(Locale locale, String key, Object... arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No email text '" + key + "' for " + locale, e);
        }
        for (int i = 0; i < arguments.length; i++) {
            pattern = pattern.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return pattern;
    }
}
