package dev.podium.notifications.email;

import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.AgendaSlotSnapshot;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.VenueSnapshot;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An event as email templates show it: every date and time already written out in the event's own
 * zone and the email's language ("mercredi 7 mars 2029, 19:00 – 22:00 (Europe/Paris)"), so a
 * template only places text.
 */
public final class EventModel {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private EventModel() {
    }

    public static Map<String, Object> of(EventSnapshot event, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", event.eventId());
        model.put("title", event.title());
        model.put("groupName", event.groupName());
        model.put("description", event.description());
        model.put("url", event.url());
        model.put("when", when(event.startsAt(), event.endsAt(), event.timeZone(), locale));
        model.put("timeZone", event.timeZone());
        model.put("venue", venue(event.venue()));
        model.put("days", days(event.agenda(), locale));
        model.put("hasAgenda", !event.agenda().isEmpty());
        return model;
    }

    /** "Wednesday, March 7, 2029, 19:00 – 22:00 (Europe/Paris)", or null while the date is to be announced. */
    public static String when(LocalDateTime startsAt, LocalDateTime endsAt, String timeZone, Locale locale) {
        if (startsAt == null) {
            return null;
        }
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        StringBuilder text = new StringBuilder(day.format(startsAt)).append(", ").append(CLOCK.format(startsAt));
        if (endsAt != null) {
            text.append(" – ");
            if (!endsAt.toLocalDate().equals(startsAt.toLocalDate())) {
                text.append(day.format(endsAt)).append(", ");
            }
            text.append(CLOCK.format(endsAt));
        }
        return text.append(" (").append(timeZone).append(')').toString();
    }

    public static String slotTime(AgendaSlotSnapshot slot) {
        return CLOCK.format(slot.startsAt()) + "–" + CLOCK.format(slot.endsAt());
    }

    public static String speakers(List<SpeakerRef> speakers) {
        return speakers.stream()
                .map(speaker -> speaker.affiliation() == null || speaker.affiliation().isBlank()
                        ? speaker.name() : speaker.name() + " (" + speaker.affiliation() + ")")
                .collect(Collectors.joining(", "));
    }

    private static Map<String, Object> venue(VenueSnapshot venue) {
        if (venue == null) {
            return null;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", venue.name());
        model.put("address", venue.address());
        model.put("city", venue.city());
        model.put("country", venue.country());
        model.put("notes", venue.notes());
        model.put("oneLine", venueLine(venue));
        return model;
    }

    /** "La Paillasse, 226 rue Saint-Denis, Paris", or null without a venue. */
    public static String venueLine(VenueSnapshot venue) {
        if (venue == null) {
            return null;
        }
        return String.join(", ", Stream.of(venue.name(), venue.address(), venue.city())
                .filter(Objects::nonNull).filter(part -> !part.isBlank()).toList());
    }

    private static List<Map<String, Object>> days(List<AgendaSlotSnapshot> agenda, Locale locale) {
        DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        Map<LocalDate, List<Map<String, Object>>> byDay = new LinkedHashMap<>();
        agenda.stream()
                .sorted((a, b) -> a.startsAt().compareTo(b.startsAt()))
                .forEach(slot -> byDay.computeIfAbsent(slot.startsAt().toLocalDate(), day -> new ArrayList<>()).add(slot(slot)));
        List<Map<String, Object>> days = new ArrayList<>();
        byDay.forEach((day, slots) -> days.add(Map.of("label", dayFormat.format(day), "slots", slots)));
        return days;
    }

    private static Map<String, Object> slot(AgendaSlotSnapshot slot) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("time", slotTime(slot));
        model.put("title", slot.title());
        model.put("kind", slot.kind());
        model.put("room", slot.room());
        model.put("track", slot.track());
        model.put("speakers", speakers(slot.speakers()));
        model.put("abstract", slot.abstractText());
        return model;
    }
}
