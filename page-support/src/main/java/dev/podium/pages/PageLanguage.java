package dev.podium.pages;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages pages are written in, and which one a request gets: the language chosen on the
 * page ({@code ?lang=fr}), else the page's own language (a group's, set by its controller with
 * {@link #prefer}), else the browser's {@code Accept-Language}, else English.
 */
public enum PageLanguage {
    EN(Locale.ENGLISH),
    FR(Locale.FRENCH);

    /** The query parameter (and form field) that switches the language. */
    public static final String PARAMETER = "lang";
    private static final String PREFERRED = "podium.page.language";

    private final Locale locale;

    PageLanguage(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return locale.getLanguage();
    }

    public static Optional<PageLanguage> parse(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(code.strip().replace('_', '-')).getLanguage();
        return Arrays.stream(values()).filter(candidate -> candidate.code().equals(language)).findFirst();
    }

    /** The page's own language, e.g. its group's: used unless the reader chose another. */
    public static void prefer(HttpRequest<?> request, String code) {
        parse(code).ifPresent(language -> request.setAttribute(PREFERRED, language));
    }

    public static PageLanguage of(HttpRequest<?> request) {
        return parse(request.getParameters().get(PARAMETER))
                .or(() -> request.getAttribute(PREFERRED, PageLanguage.class))
                .or(() -> fromAcceptLanguage(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE)))
                .orElse(EN);
    }

    private static Optional<PageLanguage> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .map(range -> parse(range.getRange()))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
