package dev.podium.pages;

import java.time.temporal.TemporalAccessor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Structured data (schema.org JSON-LD) for a page's {@code <script type="application/ld+json">}:
 * maps, lists, strings, numbers, booleans and times written as JSON, with {@code <}, {@code >} and
 * {@code &} escaped so that text from users (a title holding {@code </script>}) cannot leave the
 * script element. Null values are left out.
 */
public final class JsonLd {

    private JsonLd() {
    }

    public static String of(Map<String, ?> document) {
        StringBuilder json = new StringBuilder(512);
        write(json, document);
        return json.toString();
    }

    private static void write(StringBuilder json, Object value) {
        if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() == null) {
                    continue;
                }
                if (!first) {
                    json.append(',');
                }
                first = false;
                string(json, String.valueOf(entry.getKey()));
                json.append(':');
                write(json, entry.getValue());
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (Iterator<?> items = list.iterator(); items.hasNext(); ) {
                write(json, items.next());
                if (items.hasNext()) {
                    json.append(',');
                }
            }
            json.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof TemporalAccessor || value instanceof CharSequence || value instanceof Enum<?>) {
            string(json, value.toString());
        } else {
            throw new IllegalArgumentException("JSON-LD holds maps, lists, text, numbers, booleans and times, not " + value.getClass());
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> json.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
