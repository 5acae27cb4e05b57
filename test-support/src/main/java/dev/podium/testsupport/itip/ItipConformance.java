package dev.podium.testsupport.itip;

import dev.podium.testsupport.itip.ContentLines.Component;
import dev.podium.testsupport.itip.ContentLines.Line;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks iCalendar objects sent by email against RFC 5546 (iTIP), written from its restriction
 * tables for VEVENT (§3.2.1 PUBLISH, §3.2.2 REQUEST, §3.2.5 CANCEL) and its sequencing rules
 * (§2.1.4, §2.1.5), plus what Podium promises on top (the ORGANIZER is the reply address, the
 * ATTENDEE is the recipient and is asked to answer). Each check answers a list of violations, empty
 * when the calendar conforms, so that a test can show them all at once.
 */
public final class ItipConformance {

    /** What RFC 5546 allows a property in a method: how many times, and (when restricted) which values. */
    private record Rule(int min, int max, Set<String> values) {

        static Rule exactlyOne() { return new Rule(1, 1, Set.of()); }
        static Rule atMostOne() { return new Rule(0, 1, Set.of()); }
        static Rule atLeastOne() { return new Rule(1, Integer.MAX_VALUE, Set.of()); }
        static Rule none() { return new Rule(0, 0, Set.of()); }
        static Rule any() { return new Rule(0, Integer.MAX_VALUE, Set.of()); }
        static Rule atMostOneOf(String... values) { return new Rule(0, 1, Set.of(values)); }
    }

    /** The VEVENT tables; a property a table does not name is 0+ ("IANA-PROPERTY / X-PROPERTY 0+" or unlisted). */
    private static final Map<String, Map<String, Rule>> VEVENT = Map.of(
            "PUBLISH", Map.ofEntries(
                    Map.entry("DTSTAMP", Rule.exactlyOne()), Map.entry("DTSTART", Rule.exactlyOne()),
                    Map.entry("ORGANIZER", Rule.exactlyOne()), Map.entry("SUMMARY", Rule.exactlyOne()),
                    Map.entry("UID", Rule.exactlyOne()), Map.entry("SEQUENCE", Rule.atMostOne()),
                    Map.entry("ATTENDEE", Rule.none()), Map.entry("REQUEST-STATUS", Rule.none()),
                    Map.entry("DTEND", Rule.atMostOne()), Map.entry("DURATION", Rule.atMostOne()),
                    Map.entry("LOCATION", Rule.atMostOne()), Map.entry("DESCRIPTION", Rule.atMostOne()),
                    Map.entry("URL", Rule.atMostOne()),
                    Map.entry("STATUS", Rule.atMostOneOf("TENTATIVE", "CONFIRMED", "CANCELLED"))),
            "REQUEST", Map.ofEntries(
                    Map.entry("ATTENDEE", Rule.atLeastOne()), Map.entry("DTSTAMP", Rule.exactlyOne()),
                    Map.entry("DTSTART", Rule.exactlyOne()), Map.entry("ORGANIZER", Rule.exactlyOne()),
                    Map.entry("SEQUENCE", Rule.atMostOne()), Map.entry("SUMMARY", Rule.exactlyOne()),
                    Map.entry("UID", Rule.exactlyOne()), Map.entry("REQUEST-STATUS", Rule.none()),
                    Map.entry("DTEND", Rule.atMostOne()), Map.entry("DURATION", Rule.atMostOne()),
                    Map.entry("LOCATION", Rule.atMostOne()), Map.entry("DESCRIPTION", Rule.atMostOne()),
                    Map.entry("URL", Rule.atMostOne()),
                    Map.entry("STATUS", Rule.atMostOneOf("TENTATIVE", "CONFIRMED"))),
            "CANCEL", Map.ofEntries(
                    Map.entry("ATTENDEE", Rule.any()), Map.entry("DTSTAMP", Rule.exactlyOne()),
                    Map.entry("ORGANIZER", Rule.exactlyOne()), Map.entry("SEQUENCE", Rule.exactlyOne()),
                    Map.entry("UID", Rule.exactlyOne()), Map.entry("REQUEST-STATUS", Rule.none()),
                    Map.entry("DTSTART", Rule.atMostOne()), Map.entry("DTEND", Rule.atMostOne()),
                    Map.entry("DURATION", Rule.atMostOne()), Map.entry("SUMMARY", Rule.atMostOne()),
                    Map.entry("LOCATION", Rule.atMostOne()), Map.entry("DESCRIPTION", Rule.atMostOne()),
                    Map.entry("URL", Rule.atMostOne()),
                    Map.entry("STATUS", Rule.atMostOneOf("CANCELLED"))));

    /** The properties whose change RFC 5546 §2.1.4 counts as significant for a VEVENT. */
    private static final List<String> SIGNIFICANT = List.of("DTSTART", "DTEND", "DURATION", "LOCATION", "STATUS");

    private ItipConformance() {
    }

    /** One calendar sent by email to {@code recipient}, organised from {@code organizerAddress}. */
    public static List<String> violations(String calendar, String recipient, String organizerAddress) {
        List<String> violations = new ArrayList<>();
        Component root;
        try {
            root = ContentLines.parse(calendar);
        } catch (IllegalArgumentException e) {
            return List.of("not iCalendar: " + e.getMessage());
        }
        List<Component> calendars = root.children("VCALENDAR");
        if (calendars.size() != 1) {
            return List.of(calendars.size() + " VCALENDAR objects, RFC 6047 §2.4 sends one");
        }
        Component vCalendar = calendars.get(0);
        count(vCalendar, "METHOD", Rule.exactlyOne(), "VCALENDAR", violations);
        count(vCalendar, "PRODID", Rule.exactlyOne(), "VCALENDAR", violations);
        count(vCalendar, "VERSION", Rule.exactlyOne(), "VCALENDAR", violations);
        if (!"2.0".equals(vCalendar.value("VERSION"))) {
            violations.add("VERSION is " + vCalendar.value("VERSION") + ", not 2.0");
        }
        String method = Objects.toString(vCalendar.value("METHOD"), "").toUpperCase(Locale.ROOT);
        Map<String, Rule> table = VEVENT.get(method);
        if (table == null) {
            violations.add("METHOD " + method + " is not one Podium sends (PUBLISH, REQUEST, CANCEL)");
            return violations;
        }
        List<Component> events = vCalendar.children("VEVENT");
        if (events.size() != 1) {
            violations.add(events.size() + " VEVENTs; an invitation by email carries one");
            return violations;
        }
        Component vEvent = events.get(0);
        table.forEach((property, rule) -> count(vEvent, property, rule, method + " VEVENT", violations));
        if (!vEvent.all("DTEND").isEmpty() && !vEvent.all("DURATION").isEmpty()) {
            violations.add("DTEND and DURATION both present (RFC 5545 §3.6.1)");
        }
        String sequence = vEvent.value("SEQUENCE");
        if (sequence != null && !sequence.matches("\\d+")) {
            violations.add("SEQUENCE is not a non-negative integer: " + sequence);
        }
        if (!vEvent.all("DTSTAMP").isEmpty() && !vEvent.value("DTSTAMP").matches("\\d{8}T\\d{6}Z")) {
            violations.add("DTSTAMP is not a UTC date-time (RFC 5545 §3.8.7.2): " + vEvent.value("DTSTAMP"));
        }
        for (String tzid : tzids(vEvent)) {
            boolean defined = vCalendar.children("VTIMEZONE").stream().anyMatch(zone -> tzid.equals(zone.value("TZID")));
            if (!defined) {
                violations.add("TZID " + tzid + " used without its VTIMEZONE (RFC 5545 §3.2.19)");
            }
        }
        if (!method.equals("PUBLISH")) {
            podiumsPromises(vEvent, method, recipient, organizerAddress, violations);
        }
        return violations;
    }

    private static void podiumsPromises(Component vEvent, String method, String recipient, String organizerAddress,
                                        List<String> violations) {
        for (Line organizer : vEvent.all("ORGANIZER")) {
            if (!organizer.value().equalsIgnoreCase("mailto:" + organizerAddress)) {
                violations.add("ORGANIZER is " + organizer.value() + ", not the reply address mailto:" + organizerAddress);
            }
            if (organizer.parameter("CN") == null || organizer.parameter("CN").isBlank()) {
                violations.add("ORGANIZER has no CN (the group's name)");
            }
        }
        List<Line> attendees = vEvent.all("ATTENDEE");
        if (attendees.size() != 1 || !attendees.get(0).value().equalsIgnoreCase("mailto:" + recipient)) {
            violations.add("the ATTENDEEs " + attendees.stream().map(Line::value).toList() + " are not the recipient alone (mailto:"
                    + recipient + ")");
            return;
        }
        Line attendee = attendees.get(0);
        if (!"REQ-PARTICIPANT".equals(attendee.parameter("ROLE"))) {
            violations.add("ATTENDEE ROLE is " + attendee.parameter("ROLE") + ", not REQ-PARTICIPANT");
        }
        if (!Set.of("NEEDS-ACTION", "ACCEPTED", "TENTATIVE", "DECLINED").contains(Objects.toString(attendee.parameter("PARTSTAT")))) {
            violations.add("ATTENDEE PARTSTAT is " + attendee.parameter("PARTSTAT"));
        }
        if (method.equals("REQUEST") && !"TRUE".equals(attendee.parameter("RSVP"))) {
            violations.add("a REQUEST's ATTENDEE is not asked to answer (RSVP=" + attendee.parameter("RSVP") + ")");
        }
    }

    /**
     * The calendars one recipient received about one event, in arrival order: one UID throughout
     * (every message updates the same entry), SEQUENCE never lower than before (§2.1.5), raised when
     * the organiser changed a significant property (§2.1.4: time, place, status) and kept otherwise,
     * and, at equal SEQUENCE, a DTSTAMP that does not go back (how a receiver orders them).
     */
    public static List<String> storyViolations(List<String> calendarsInArrivalOrder) {
        List<String> violations = new ArrayList<>();
        Set<String> uids = new LinkedHashSet<>();
        Component previousRequest = null;
        Component previous = null;
        for (String calendar : calendarsInArrivalOrder) {
            Component vCalendar = ContentLines.parse(calendar).children("VCALENDAR").get(0);
            Component vEvent = vCalendar.children("VEVENT").get(0);
            String method = vCalendar.value("METHOD");
            uids.add(vEvent.value("UID"));
            if (previous != null) {
                int before = sequence(previous);
                int now = sequence(vEvent);
                if (now < before) {
                    violations.add("SEQUENCE went down from " + before + " to " + now);
                } else if (now == before && vEvent.value("DTSTAMP").compareTo(previous.value("DTSTAMP")) < 0) {
                    violations.add("at SEQUENCE " + now + " the DTSTAMP went back from " + previous.value("DTSTAMP") + " to "
                            + vEvent.value("DTSTAMP"));
                }
            }
            if ("REQUEST".equals(method) && previousRequest != null) {
                Component lastRequest = previousRequest;
                boolean significant = SIGNIFICANT.stream().anyMatch(p -> !Objects.equals(lastRequest.value(p), vEvent.value(p)));
                int before = sequence(previousRequest);
                int now = sequence(vEvent);
                if (significant && now <= before) {
                    violations.add("time, place or status changed but SEQUENCE stayed at " + now);
                } else if (!significant && now != before) {
                    violations.add("SEQUENCE moved from " + before + " to " + now + " without a change of time, place or status");
                }
            }
            if ("CANCEL".equals(method) && "CANCELLED".equals(vEvent.value("STATUS")) && previousRequest != null
                    && sequence(vEvent) <= sequence(previousRequest)) {
                violations.add("the event's cancellation kept SEQUENCE " + sequence(vEvent) + " (a change of STATUS raises it)");
            }
            if ("REQUEST".equals(method)) {
                previousRequest = vEvent;
            }
            previous = vEvent;
        }
        if (uids.size() > 1) {
            violations.add("the UID changed along the story: " + uids);
        }
        return violations;
    }

    /** The UID of a calendar's only VEVENT. */
    public static String uid(String calendar) {
        return ContentLines.parse(calendar).children("VCALENDAR").get(0).children("VEVENT").get(0).value("UID");
    }

    /** The value of a VEVENT property (the first), or null. */
    public static String eventProperty(String calendar, String property) {
        return ContentLines.parse(calendar).children("VCALENDAR").get(0).children("VEVENT").get(0).value(property);
    }

    private static int sequence(Component vEvent) {
        String value = vEvent.value("SEQUENCE");
        return value == null ? 0 : Integer.parseInt(value);
    }

    private static void count(Component component, String property, Rule rule, String where, List<String> violations) {
        List<Line> lines = component.all(property);
        if (lines.size() < rule.min() || lines.size() > rule.max()) {
            String allowed = rule.max() == 0 ? "none" : rule.min() == rule.max() ? "exactly " + rule.min()
                    : rule.max() == Integer.MAX_VALUE ? "at least " + rule.min() : rule.min() + " to " + rule.max();
            violations.add(where + ": " + lines.size() + " " + property + ", RFC 5546 allows " + allowed);
        }
        if (!rule.values().isEmpty()) {
            lines.stream().map(line -> line.value().toUpperCase(Locale.ROOT)).filter(value -> !rule.values().contains(value))
                    .forEach(value -> violations.add(where + ": " + property + ":" + value + " is not one of " + rule.values()));
        }
    }

    private static List<String> tzids(Component vEvent) {
        List<String> tzids = new ArrayList<>();
        for (Line line : vEvent.properties()) {
            String tzid = line.parameter("TZID");
            if (tzid != null && !tzids.contains(tzid)) {
                tzids.add(tzid);
            }
        }
        return tzids;
    }
}
