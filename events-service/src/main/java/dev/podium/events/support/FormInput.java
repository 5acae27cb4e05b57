package dev.podium.events.support;

import java.util.Map;

/**
 * What a person typed into a page's form and what was wrong with it: the page is shown again with
 * the values kept and each error (a message key under {@code form.error.}) next to its field.
 */
public record FormInput(Map<String, String> values, Map<String, String> errors) {

    public static FormInput empty() {
        return new FormInput(Map.of(), Map.of());
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
