package dev.podium.notifications.reply;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Podium reads of an iTIP message (RFC 5546): the calendar's METHOD, and the first VEVENT's UID
 * and ATTENDEE (a REPLY names exactly one, the one answering) with its address, CN and PARTSTAT.
 * A small reader of RFC 5545's content lines (unfolding, parameters, quoted values), not a full one.
 *
 * @param attendeeAddress the ATTENDEE's mailto address; null when there is no mailto ATTENDEE
 */
record ItipReply(@Nullable String method, @Nullable String uid, @Nullable String attendeeAddress,
                 @Nullable String attendeeName, @Nullable String participation) {

    private static final String MAILTO = "mailto:";

    /** Empty when the text is not an iCalendar object. */
    static Optional<ItipReply> parse(String calendar) {
        List<String> lines = unfold(calendar);
        if (lines.isEmpty() || !lines.get(0).equalsIgnoreCase("BEGIN:VCALENDAR")) {
            return Optional.empty();
        }
        String method = null;
        String uid = null;
        ContentLine attendee = null;
        List<String> components = new ArrayList<>();
        boolean inFirstEvent = false;
        boolean eventSeen = false;
        for (String text : lines) {
            ContentLine line = ContentLine.of(text);
            if (line == null) {
                continue;
            }
            switch (line.name()) {
                case "BEGIN" -> {
                    components.add(line.value().toUpperCase(Locale.ROOT));
                    inFirstEvent = components.size() == 2 && components.get(1).equals("VEVENT") && !eventSeen;
                }
                case "END" -> {
                    if (inFirstEvent && components.size() == 2) {
                        inFirstEvent = false;
                        eventSeen = true;
                    }
                    if (!components.isEmpty()) {
                        components.remove(components.size() - 1);
                    }
                }
                case "METHOD" -> {
                    if (components.size() == 1 && method == null) {
                        method = line.value().strip().toUpperCase(Locale.ROOT);
                    }
                }
                case "UID" -> {
                    if (inFirstEvent && components.size() == 2 && uid == null) {
                        uid = line.value().strip();
                    }
                }
                case "ATTENDEE" -> {
                    if (inFirstEvent && components.size() == 2 && attendee == null) {
                        attendee = line;
                    }
                }
                default -> {
                }
            }
        }
        if (attendee == null) {
            return Optional.of(new ItipReply(method, uid, null, null, null));
        }
        String value = attendee.value().strip();
        String address = value.regionMatches(true, 0, MAILTO, 0, MAILTO.length()) ? value.substring(MAILTO.length()).strip() : null;
        String partstat = attendee.parameters().get("PARTSTAT");
        return Optional.of(new ItipReply(method, uid, address == null || address.isEmpty() ? null : address,
                attendee.parameters().get("CN"), partstat == null ? null : partstat.toUpperCase(Locale.ROOT)));
    }

    private static List<String> unfold(String calendar) {
        List<String> lines = new ArrayList<>();
        for (String physical : calendar.split("\r\n|\n|\r")) {
            if (!lines.isEmpty() && (physical.startsWith(" ") || physical.startsWith("\t"))) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + physical.substring(1));
            } else if (!physical.isBlank()) {
                lines.add(physical);
            }
        }
        return lines;
    }

    /** {@code NAME;PARAM=value;PARAM="quoted:value":value}; names upper-cased, parameter values unquoted. */
    private record ContentLine(String name, Map<String, String> parameters, String value) {

        @Nullable
        static ContentLine of(String text) {
            int colon = -1;
            boolean quoted = false;
            List<Integer> semicolons = new ArrayList<>();
            for (int i = 0; i < text.length() && colon < 0; i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == ';') {
                    semicolons.add(i);
                } else if (!quoted && c == ':') {
                    colon = i;
                }
            }
            if (colon <= 0) {
                return null;
            }
            int nameEnd = semicolons.isEmpty() ? colon : semicolons.get(0);
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int s = 0; s < semicolons.size(); s++) {
                int end = s + 1 < semicolons.size() ? semicolons.get(s + 1) : colon;
                String parameter = text.substring(semicolons.get(s) + 1, end);
                int equals = parameter.indexOf('=');
                if (equals > 0) {
                    String paramValue = parameter.substring(equals + 1);
                    if (paramValue.length() >= 2 && paramValue.startsWith("\"") && paramValue.endsWith("\"")) {
                        paramValue = paramValue.substring(1, paramValue.length() - 1);
                    }
                    parameters.putIfAbsent(parameter.substring(0, equals).strip().toUpperCase(Locale.ROOT), paramValue);
                }
            }
            return new ContentLine(text.substring(0, nameEnd).strip().toUpperCase(Locale.ROOT), parameters, text.substring(colon + 1));
        }
    }
}
