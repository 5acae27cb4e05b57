package dev.podium.testsupport.itip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately small iCalendar reader (RFC 5545 §3.1), independent of the library Podium renders
 * with, so that a conformance check does not share the renderer's mistakes: unfolds lines, splits
 * each into name, parameters and value, and groups them by component.
 */
final class ContentLines {

    record Line(String name, Map<String, String> parameters, String value) {

        String parameter(String name) {
            return parameters.get(name.toUpperCase(Locale.ROOT));
        }
    }

    /** One component's own properties (not those of the components inside it). */
    record Component(String name, List<Line> properties, List<Component> children) {

        List<Line> all(String property) {
            return properties.stream().filter(line -> line.name().equals(property)).toList();
        }

        String value(String property) {
            List<Line> lines = all(property);
            return lines.isEmpty() ? null : lines.get(0).value();
        }

        List<Component> children(String component) {
            return children.stream().filter(child -> child.name().equals(component)).toList();
        }
    }

    private ContentLines() {
    }

    static Component parse(String text) {
        String unfolded = text.replaceAll("\\r?\\n[ \\t]", "");
        List<Component> stack = new ArrayList<>();
        Component root = new Component("", new ArrayList<>(), new ArrayList<>());
        stack.add(root);
        for (String raw : unfolded.split("\\r?\\n")) {
            if (raw.isEmpty()) {
                continue;
            }
            Line line = line(raw);
            Component current = stack.get(stack.size() - 1);
            if (line.name().equals("BEGIN")) {
                Component child = new Component(line.value().toUpperCase(Locale.ROOT), new ArrayList<>(), new ArrayList<>());
                current.children().add(child);
                stack.add(child);
            } else if (line.name().equals("END")) {
                if (stack.size() == 1 || !current.name().equals(line.value().toUpperCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("END:" + line.value() + " does not close " + current.name());
                }
                stack.remove(stack.size() - 1);
            } else {
                current.properties().add(line);
            }
        }
        if (stack.size() != 1) {
            throw new IllegalArgumentException("unclosed component " + stack.get(stack.size() - 1).name());
        }
        return root;
    }

    /** name *(";" param) ":" value, where a quoted parameter value may hold ':' and ';'. */
    static Line line(String raw) {
        int i = 0;
        while (i < raw.length() && raw.charAt(i) != ';' && raw.charAt(i) != ':') {
            i++;
        }
        if (i == raw.length()) {
            throw new IllegalArgumentException("not a content line: " + raw);
        }
        String name = raw.substring(0, i).toUpperCase(Locale.ROOT);
        Map<String, String> parameters = new LinkedHashMap<>();
        while (raw.charAt(i) == ';') {
            int equals = raw.indexOf('=', i);
            if (equals < 0) {
                throw new IllegalArgumentException("parameter without value: " + raw);
            }
            String parameter = raw.substring(i + 1, equals).toUpperCase(Locale.ROOT);
            int j = equals + 1;
            StringBuilder value = new StringBuilder();
            boolean quoted = false;
            while (j < raw.length() && (quoted || (raw.charAt(j) != ';' && raw.charAt(j) != ':'))) {
                char c = raw.charAt(j);
                if (c == '"') {
                    quoted = !quoted;
                } else {
                    value.append(c);
                }
                j++;
            }
            if (j == raw.length()) {
                throw new IllegalArgumentException("no value after the parameters: " + raw);
            }
            parameters.put(parameter, value.toString());
            i = j;
        }
        return new Line(name, parameters, raw.substring(i + 1));
    }
}
