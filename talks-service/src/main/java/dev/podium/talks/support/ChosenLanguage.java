package dev.podium.talks.support;

import dev.podium.pages.PageLanguage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

/**
 * The language a reader picked on a page ({@code ?lang=fr}), which the links from that page to
 * Podium's other pages keep, so that a reader who chose French stays in French from the archive to a
 * talk, its speakers and its event. Without a choice the links are bare, and each page follows its
 * own rule (its group's language, the browser's).
 */
public final class ChosenLanguage {

    private ChosenLanguage() {
    }

    /** @return the language code chosen on this request, null when the reader chose none */
    @Nullable
    public static String of(HttpRequest<?> request) {
        return PageLanguage.parse(request.getParameters().get(PageLanguage.PARAMETER)).map(PageLanguage::code).orElse(null);
    }

    /** {@code path} with the chosen language, if any. */
    public static String keep(String path, @Nullable String language) {
        if (language == null) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + PageLanguage.PARAMETER + "=" + language;
    }
}
