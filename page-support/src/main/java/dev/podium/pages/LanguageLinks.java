package dev.podium.pages;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The layout's language switch: the same page in each language, its query kept, so that switching
 * keeps an archive search's filters and a manage page's signed token. A page answered to a form post
 * has no address to reload, so it gets no switch (its form carries the language instead).
 */
@Singleton
class LanguageLinks implements ViewModelProcessor<Map<String, Object>> {

    /** The model's entry the layout reads: language code → relative link. */
    static final String MODEL_KEY = "languageLinks";

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> page) {
        Map<String, Object> model = new HashMap<>(page.getModel().orElse(Map.of()));
        model.putAll(of(request));
        page.setModel(model);
    }

    /** The entry to add to a page's model: nothing for a request other than GET. */
    static Map<String, Object> of(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET) {
            return Map.of();
        }
        String kept = request.getParameters().asMap().entrySet().stream()
                .filter(parameter -> !parameter.getKey().equals(PageLanguage.PARAMETER))
                .flatMap(parameter -> parameter.getValue().stream().map(value -> encode(parameter.getKey()) + "=" + encode(value) + "&"))
                .collect(Collectors.joining());
        Map<String, String> links = new LinkedHashMap<>();
        Arrays.stream(PageLanguage.values()).forEach(language -> links.put(language.code(),
                "?" + kept + PageLanguage.PARAMETER + "=" + language.code()));
        return Map.of(MODEL_KEY, links);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
