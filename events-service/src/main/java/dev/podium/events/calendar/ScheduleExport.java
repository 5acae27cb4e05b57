package dev.podium.events.calendar;

import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.AgendaSlotSnapshot;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.events.calendar.C3vocSchedule.Conference;
import dev.podium.events.calendar.C3vocSchedule.Day;
import dev.podium.events.calendar.C3vocSchedule.Document;
import dev.podium.events.calendar.C3vocSchedule.Generator;
import dev.podium.events.calendar.C3vocSchedule.Person;
import dev.podium.events.calendar.C3vocSchedule.Room;
import dev.podium.events.calendar.C3vocSchedule.Schedule;
import dev.podium.events.calendar.C3vocSchedule.Session;
import dev.podium.events.calendar.C3vocSchedule.Track;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Maps an event and its agenda to the c3voc ("frab") schedule that schedule apps such as Giggity and
 * EventFahrplan read: the event is the conference, each local date it covers a day, each agenda
 * slot a session in its room.
 */
final class ScheduleExport {

    static final String SCHEMA = "https://c3voc.de/schedule/schema.json";
    static final String MAIN_ROOM = "Main room";
    static final String TIMESLOT = "00:05";

    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private ScheduleExport() {
    }

    /** {@code event} must have a date (public events do). */
    static Document of(EventSnapshot event) {
        ZoneId zone = ZoneId.of(event.timeZone());
        String acronym = acronym(event);
        String defaultRoom = event.venue() != null && !event.venue().name().isBlank() ? event.venue().name() : MAIN_ROOM;

        List<AgendaSlotSnapshot> slots = event.agenda().stream()
                .sorted(Comparator.comparing(AgendaSlotSnapshot::startsAt).thenComparing(AgendaSlotSnapshot::endsAt)).toList();
        Map<AgendaSlotSnapshot, Session> sessions = new LinkedHashMap<>();
        Set<Integer> ids = new HashSet<>();
        for (AgendaSlotSnapshot slot : slots) {
            sessions.put(slot, session(event, slot, acronym, roomOf(slot, defaultRoom), zone, ids));
        }
        List<String> roomNames = sessions.values().stream().map(Session::room).distinct().toList();
        List<Room> rooms = roomNames.stream().map(name -> new Room(name, uuid("room", event.eventId(), name))).toList();
        List<Track> tracks = slots.stream().map(AgendaSlotSnapshot::track).filter(Objects::nonNull).distinct()
                .map(Track::new).toList();

        List<Day> days = new ArrayList<>();
        LocalDate lastDate = event.endsAt().minusNanos(1).toLocalDate(); // an event ending at midnight adds no day
        for (LocalDate date = event.startsAt().toLocalDate(); !date.isAfter(lastDate); date = date.plusDays(1)) {
            days.add(day(days.size() + 1, date, event, sessions, roomNames, zone));
        }

        Conference conference = new Conference(acronym, event.title(), withOffset(event.startsAt(), zone),
                withOffset(event.endsAt(), zone), days.size(), TIMESLOT, event.timeZone(), event.url(), tracks, rooms, days);
        return new Document(SCHEMA, new Generator("Podium"), new Schedule(version(conference), conference));
    }

    private static Session session(EventSnapshot event, AgendaSlotSnapshot slot, String acronym, String room, ZoneId zone,
                                   Set<Integer> ids) {
        String guid = uuid("slot", slot.slotId());
        int id = uniqueId(guid, ids);
        Duration length = Duration.between(slot.startsAt(), slot.endsAt());
        return new Session(guid, id, withOffset(slot.startsAt(), zone), HOURS_MINUTES.format(slot.startsAt()),
                withOffset(slot.endsAt(), zone), "%02d:%02d".formatted(length.toHours(), length.toMinutesPart()), room,
                acronym + "-" + id + "-" + slugify(slot.title()), event.url(), slot.title(), null, slot.track(),
                slot.kind().toLowerCase(Locale.ROOT), event.language(), slot.abstractText(), null,
                slot.speakers().stream().map(ScheduleExport::person).toList(), List.of(), List.of());
    }

    /** A day spans its sessions; a day without any spans the part of the event that falls on it. */
    private static Day day(int index, LocalDate date, EventSnapshot event, Map<AgendaSlotSnapshot, Session> sessions,
                           List<String> roomNames, ZoneId zone) {
        List<AgendaSlotSnapshot> ofDay = sessions.keySet().stream().filter(slot -> slot.startsAt().toLocalDate().equals(date)).toList();
        LocalDateTime start = ofDay.stream().map(AgendaSlotSnapshot::startsAt).min(Comparator.naturalOrder())
                .orElse(latest(event.startsAt(), date.atStartOfDay()));
        LocalDateTime end = ofDay.stream().map(AgendaSlotSnapshot::endsAt).max(Comparator.naturalOrder())
                .orElse(earliest(event.endsAt(), date.plusDays(1).atStartOfDay()));
        Map<String, List<Session>> byRoom = new LinkedHashMap<>();
        for (String room : roomNames) {
            byRoom.put(room, ofDay.stream().map(sessions::get).filter(session -> session.room().equals(room)).toList());
        }
        return new Day(index, date.toString(), withOffset(start, zone), withOffset(end, zone), byRoom);
    }

    private static Person person(SpeakerRef speaker) {
        return new Person(speaker.name(), uuid("speaker", speaker.speakerId()));
    }

    private static String roomOf(AgendaSlotSnapshot slot, String defaultRoom) {
        return slot.room() == null || slot.room().isBlank() ? defaultRoom : slot.room();
    }

    /**
     * The group's slug and the event's number (or year), in the characters the schema allows:
     * {@code paris-deep-learning} #13 gives {@code paris_deep_learning_13}.
     */
    static String acronym(EventSnapshot event) {
        String base = event.groupSlug().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String acronym = base + "_" + (event.number() != null ? event.number() : event.startsAt().getYear());
        return acronym.length() >= 4 ? acronym : "podium_" + acronym;
    }

    /** "🌇 Deep learning: past, present, and future" gives "deep-learning-past-present-and-future". */
    static String slugify(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "session" : slug;
    }

    /** A name-based UUID: the same slot, room or speaker keeps the same guid from one export to the next. */
    static String uuid(String kind, String... names) {
        return UUID.nameUUIDFromBytes(("podium:" + kind + ":" + String.join("/", names)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A positive integer derived from the guid (so it is as stable), made unique within the schedule. */
    private static int uniqueId(String guid, Set<Integer> taken) {
        int id = (int) (UUID.fromString(guid).getMostSignificantBits() >>> 34) + 1;
        while (!taken.add(id)) {
            id = id % (1 << 30) + 1;
        }
        return id;
    }

    /** A digest of the content: it changes exactly when something an app shows changes. */
    private static String version(Conference conference) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(conference.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withOffset(LocalDateTime local, ZoneId zone) {
        return WITH_OFFSET.format(local.atZone(zone));
    }

    private static LocalDateTime latest(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime earliest(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
