package dev.podium.calendar;

import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.AgendaSlotSnapshot;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.VenueSnapshot;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar (RFC 5545) form of Podium events, written once so that a feed (events-service) and
 * an email attachment (notifications-service) describe an event identically: same UID, times,
 * SEQUENCE and STATUS, hence calendar clients update one entry instead of adding a second.
 *
 * <p>Times are written as the event's local wall-clock times with TZID = its IANA zone, beside a
 * VTIMEZONE from ical4j's bundled tz database (never fetched over the network, see
 * {@code ical4j.properties}): 19:00 in Paris stays 19:00 across a DST change. No clock is read
 * here; DTSTAMP is the instant the caller gives.
 */
public final class EventCalendar {

    public static final String PRODUCT_ID = "-//Podium//Podium Events//EN";

    private static final TimeZoneRegistry TIME_ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private EventCalendar() {
    }

    /**
     * A calendar to subscribe to (METHOD:PUBLISH, named by X-WR-CALNAME). Cancelled events belong in
     * it, with STATUS:CANCELLED, so that subscribed calendars remove them; events without a date
     * yet are left out.
     */
    public static String feed(String calendarName, List<EventSnapshot> events, Instant stamp) {
        Calendar calendar = calendar(CalendarMethod.PUBLISH, events.stream().filter(EventCalendar::hasDate).toList(), stamp);
        calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        return render(calendar);
    }

    /** One event: a download (PUBLISH), an invitation (REQUEST) or a cancellation (CANCEL). */
    public static String single(EventSnapshot event, CalendarMethod method, Instant stamp) {
        if (!hasDate(event)) {
            throw new IllegalArgumentException("Event " + event.eventId() + " has no date yet, so no calendar entry");
        }
        return render(calendar(method, List.of(event), stamp));
    }

    static Calendar calendar(CalendarMethod method, List<EventSnapshot> events, Instant stamp) {
        return calendar(method, events, stamp, null);
    }

    /** {@code organizer} null: a document without ORGANIZER, whose VEVENTs carry the event's shared UID. */
    static Calendar calendar(CalendarMethod method, List<EventSnapshot> events, Instant stamp, Organizer organizer) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(method.name()));
        Map<String, VTimeZone> zones = new LinkedHashMap<>();
        for (EventSnapshot event : events) {
            zones.computeIfAbsent(event.timeZone(), EventCalendar::vTimeZone);
        }
        zones.values().forEach(calendar::add);
        for (EventSnapshot event : events) {
            calendar.add(vEvent(event, method, stamp, zones.get(event.timeZone()), organizer));
        }
        return calendar;
    }

    private static VEvent vEvent(EventSnapshot event, CalendarMethod method, Instant stamp, VTimeZone zone, Organizer organizer) {
        // TZID is the VTIMEZONE's own id: an alias such as Asia/Calcutta is defined as Asia/Kolkata.
        ParameterList inZone = new ParameterList(List.of(new TzId(zone.getTimeZoneId().getValue())));
        VEvent vEvent = new VEvent(false); // false: no DTSTAMP taken from the system clock
        if (organizer == null) {
            vEvent.add(new Uid(event.eventId() + "@podium"));
        } else {
            // The UID and the ATTENDEE are each recipient's own: Invitation puts them in per copy.
            vEvent.add(organizer.property());
        }
        vEvent.add(new DtStamp(stamp));
        // Local times, written as they are. Not a ZonedDateTime: ical4j 4.1 would convert it through
        // its own zone rules, which are wrong for some zones (19:00 in Singapore comes out as 18:30).
        vEvent.add(new DtStart<>(inZone, event.startsAt()));
        vEvent.add(new DtEnd<>(inZone, event.endsAt()));
        vEvent.add(new Sequence(event.sequence()));
        vEvent.add(new Summary(event.title()));
        description(event).ifPresent(text -> vEvent.add(new Description(text)));
        location(event.venue()).ifPresent(place -> vEvent.add(new Location(place)));
        if (event.url() != null) {
            vEvent.add(new Url(URI.create(event.url())));
        }
        status(event, method, organizer != null).ifPresent(vEvent::add);
        return vEvent;
    }

    private static VTimeZone vTimeZone(String zoneId) {
        TimeZone zone = TIME_ZONES.getTimeZone(zoneId);
        if (zone == null) {
            throw new IllegalArgumentException("No time zone definition for " + zoneId);
        }
        return zone.getVTimeZone();
    }

    /**
     * RFC 5546 §3.2.5: a CANCEL of the whole event says STATUS:CANCELLED; one that withdraws the
     * invitation of one attendee from an event that still takes place (an invitation's CANCEL for a
     * snapshot that is not cancelled) MUST NOT carry STATUS.
     */
    private static Optional<Status> status(EventSnapshot event, CalendarMethod method, boolean invitation) {
        if (method == CalendarMethod.CANCEL) {
            boolean withdrawn = invitation && !"CANCELLED".equals(event.status());
            return withdrawn ? Optional.empty() : Optional.of(ImmutableStatus.VEVENT_CANCELLED);
        }
        return Optional.of(switch (event.status()) {
            case "PUBLISHED", "COMPLETED" -> ImmutableStatus.VEVENT_CONFIRMED;
            case "CANCELLED" -> ImmutableStatus.VEVENT_CANCELLED;
            default -> ImmutableStatus.VEVENT_TENTATIVE; // a draft, or a status this version does not know
        });
    }

    /** The event's description followed by its agenda as plain text, or nothing when both are empty. */
    static Optional<String> description(EventSnapshot event) {
        List<String> parts = new ArrayList<>();
        if (event.description() != null && !event.description().isBlank()) {
            parts.add(event.description().strip());
        }
        if (!event.agenda().isEmpty()) {
            parts.add(agenda(event.agenda()));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", parts));
    }

    /** "19:00–19:40 Generalization in Deep networks — Olivier Grisel (ML Expert…)", one line a slot, dated when several days. */
    static String agenda(List<AgendaSlotSnapshot> slots) {
        List<AgendaSlotSnapshot> chronological = slots.stream()
                .sorted(Comparator.comparing(AgendaSlotSnapshot::startsAt)).toList();
        boolean severalDays = chronological.stream().map(slot -> slot.startsAt().toLocalDate()).distinct().count() > 1;
        StringBuilder text = new StringBuilder("Agenda");
        LocalDate day = null;
        for (AgendaSlotSnapshot slot : chronological) {
            if (severalDays && !slot.startsAt().toLocalDate().equals(day)) {
                day = slot.startsAt().toLocalDate();
                text.append("\n\n").append(day);
            }
            text.append('\n').append(CLOCK_TIME.format(slot.startsAt())).append('–').append(CLOCK_TIME.format(slot.endsAt()))
                    .append(' ').append(slot.title());
            if (!slot.speakers().isEmpty()) {
                text.append(" — ").append(slot.speakers().stream().map(EventCalendar::speaker).collect(Collectors.joining(", ")));
            }
        }
        return text.toString();
    }

    private static String speaker(SpeakerRef speaker) {
        return isBlank(speaker.affiliation()) ? speaker.name() : speaker.name() + " (" + speaker.affiliation() + ")";
    }

    /** "name, address, city, country"; nothing while the venue is to be announced. */
    static Optional<String> location(VenueSnapshot venue) {
        if (venue == null) {
            return Optional.empty();
        }
        String place = Stream.of(venue.name(), venue.address(), venue.city(), venue.country())
                .filter(Objects::nonNull).map(String::strip).filter(part -> !part.isEmpty())
                .collect(Collectors.joining(", "));
        return place.isEmpty() ? Optional.empty() : Optional.of(place);
    }

    static boolean hasDate(EventSnapshot event) {
        return event.startsAt() != null && event.endsAt() != null;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * The iTIP method of a rendered calendar: the value of the VCALENDAR's own METHOD property (RFC
     * 5545 §3.7.2), read from its content lines at the calendar's top level, so that text inside a
     * component (a SUMMARY or DESCRIPTION that says "METHOD:CANCEL") is never taken for it. Empty when
     * the calendar has none, or one that is not a {@link CalendarMethod}.
     */
    public static Optional<CalendarMethod> methodOf(String icalendar) {
        // Unfold (a CRLF or LF followed by a space or a tab continues the line), then walk the lines.
        String unfolded = icalendar.replaceAll("\\r?\\n[ \\t]", "");
        int depth = 0;
        for (String line : unfolded.split("\\r?\\n")) {
            int end = nameEnd(line);
            String name = line.substring(0, end).toUpperCase(java.util.Locale.ROOT);
            String value = end < line.length() ? line.substring(line.indexOf(':', end) + 1) : "";
            if (name.equals("BEGIN")) {
                depth++;
            } else if (name.equals("END")) {
                depth--;
            } else if (depth == 1 && name.equals("METHOD")) {
                String method = value.strip().toUpperCase(java.util.Locale.ROOT);
                return Stream.of(CalendarMethod.values()).filter(known -> known.name().equals(method)).findFirst();
            }
        }
        return Optional.empty();
    }

    /** Where a content line's name ends: at its first ':' or ';' (RFC 5545 §3.1). */
    private static int nameEnd(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':' || c == ';') {
                return i;
            }
        }
        return line.length();
    }

    static String render(Calendar calendar) {
        return LineFolding.fold(calendar.toString());
    }
}
