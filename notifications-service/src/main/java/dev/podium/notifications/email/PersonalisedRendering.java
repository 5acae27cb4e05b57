package dev.podium.notifications.email;

import dev.podium.notifications.email.EmailTemplates.RenderedEmail;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.unbescape.html.HtmlEscape;

/**
 * One rendering of a template shared by many recipients: the template ran once with a marker in place
 * of each recipient's value (their name, their signed links), and each copy only puts its recipient's
 * values where the markers are, escaped for HTML in the HTML part as {@code th:text} and
 * {@code th:href} do. {@link #of} checks this against a full rendering before it is used.
 */
final class PersonalisedRendering {

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final String PROBE = "<Zoë & \"O'Brien\">";

    private final List<Object> html;
    private final List<Object> text;

    private PersonalisedRendering(List<Object> html, List<Object> text) {
        this.html = html;
        this.text = text;
    }

    /** The value standing for the recipient value at {@code index} in the shared rendering. */
    static String marker(int index) {
        return OPEN + Integer.toString(index) + CLOSE;
    }

    /**
     * Parses a rendering made with {@link #marker markers}; null if the template did more with a
     * recipient value than print it (a marker left altered) or if the copies would differ from a full
     * rendering ({@code render} with the probe values).
     *
     * @param probe a full rendering with each value at index i set to {@code probeValue(i)}
     */
    static PersonalisedRendering of(RenderedEmail withMarkers, int values, RenderedEmail probe) {
        List<Object> html = segments(withMarkers.html(), values);
        List<Object> text = segments(withMarkers.text(), values);
        if (html == null || text == null) {
            return null;
        }
        PersonalisedRendering rendering = new PersonalisedRendering(html, text);
        String[] probeValues = new String[values];
        for (int i = 0; i < values; i++) {
            probeValues[i] = probeValue(i);
        }
        return rendering.fill(probeValues).equals(probe) ? rendering : null;
    }

    /** A value with characters HTML escapes, to check the copies against a full rendering. */
    static String probeValue(int index) {
        return PROBE + index;
    }

    /** The email of one recipient: {@code values} in the order of the markers' indexes. */
    RenderedEmail fill(String[] values) {
        return new RenderedEmail(fill(html, values, HtmlEscape::escapeHtml4Xml), fill(text, values, UnaryOperator.identity()));
    }

    private static String fill(List<Object> segments, String[] values, UnaryOperator<String> escape) {
        StringBuilder filled = new StringBuilder(4096);
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                String value = values[index];
                filled.append(value == null ? "" : escape.apply(value));
            } else {
                filled.append((String) segment);
            }
        }
        return filled.toString();
    }

    /** The rendering cut at its markers: strings, and the indexes of the values between them. */
    private static List<Object> segments(String rendered, int values) {
        List<Object> segments = new ArrayList<>();
        int from = 0;
        for (int open = rendered.indexOf(OPEN); open >= 0; open = rendered.indexOf(OPEN, from)) {
            int close = rendered.indexOf(CLOSE, open);
            if (close < 0) {
                return null;
            }
            int index;
            try {
                index = Integer.parseInt(rendered.substring(open + 1, close));
            } catch (NumberFormatException e) {
                return null;
            }
            if (index < 0 || index >= values) {
                return null;
            }
            segments.add(rendered.substring(from, open));
            segments.add(index);
            from = close + 1;
        }
        segments.add(rendered.substring(from));
        boolean markerLeft = segments.stream().anyMatch(segment -> segment instanceof String literal
                && (literal.indexOf(OPEN) >= 0 || literal.indexOf(CLOSE) >= 0));
        return markerLeft ? null : segments;
    }
}
