package dev.podium.notifications.email;

import dev.podium.notifications.email.EmailTemplates.RenderedEmail;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.util.EvaluationUtils;

/**
 * Renders each notification's template once for all its recipients ({@link PersonalisedRendering})
 * instead of once per email: 20,000 copies of an announcement differ only in a name and two signed
 * links. A rendering is kept per notification and per shape, meaning which recipient values are
 * present, since templates test them ({@code th:if="${recipientName}"}). What cannot be shared (a
 * value Thymeleaf reads as false, such as the name "no"; a template that transforms a value) is
 * rendered for the recipient alone, as before.
 */
@Singleton
public class SharedRenderings {

    private static final int CACHED = 200;

    private final EmailTemplates templates;
    private final Map<String, Optional<PersonalisedRendering>> renderings = new ConcurrentHashMap<>();

    SharedRenderings(EmailTemplates templates) {
        this.templates = templates;
    }

    /**
     * @param notificationId what every copy shares: the same id always comes with the same template,
     *                       locale and shared variables
     * @param names          the names of the recipient's variables, always in the same order
     * @param values         the recipient's values, in the order of {@code names}
     */
    public RenderedEmail render(String notificationId, String template, Locale locale, Map<String, Object> shared,
                                List<String> names, String[] values) {
        StringBuilder key = new StringBuilder(notificationId).append('/').append(template).append('/').append(locale).append('/');
        for (String value : values) {
            if (value != null && !EvaluationUtils.evaluateAsBoolean(value)) {
                return templates.render(template, locale, variables(shared, names, values));
            }
            key.append(value == null ? '0' : '1');
        }
        String shape = key.toString();
        Optional<PersonalisedRendering> rendering = renderings.get(shape);
        if (rendering == null) {
            if (renderings.size() >= CACHED) {
                renderings.clear();
            }
            rendering = renderings.computeIfAbsent(shape, ignored -> prepare(template, locale, shared, names, values));
        }
        return rendering.isPresent() ? rendering.get().fill(values)
                : templates.render(template, locale, variables(shared, names, values));
    }

    private Optional<PersonalisedRendering> prepare(String template, Locale locale, Map<String, Object> shared,
                                                    List<String> names, String[] shape) {
        String[] markers = new String[shape.length];
        String[] probes = new String[shape.length];
        for (int i = 0; i < shape.length; i++) {
            markers[i] = shape[i] == null ? null : PersonalisedRendering.marker(i);
            probes[i] = shape[i] == null ? null : PersonalisedRendering.probeValue(i);
        }
        return Optional.ofNullable(PersonalisedRendering.of(templates.render(template, locale, variables(shared, names, markers)),
                shape.length, templates.render(template, locale, variables(shared, names, probes))));
    }

    private static Map<String, Object> variables(Map<String, Object> shared, List<String> names, String[] values) {
        Map<String, Object> variables = new HashMap<>(shared);
        for (int i = 0; i < names.size(); i++) {
            variables.put(names.get(i), values[i]);
        }
        return variables;
    }
}
