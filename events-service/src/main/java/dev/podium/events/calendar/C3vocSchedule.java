package dev.podium.events.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * An event's agenda in the c3voc ("frab") conference schedule format, shaped as its JSON schema
 * (https://c3voc.de/schedule/schema.json) wants it: this is what {@code schedule.json} serialises,
 * and {@link ScheduleXml} writes the same content as {@code schedule.xml}. Every field the schema
 * requires is always written, as {@code null} when the schema allows it and Podium has no value.
 */
public final class C3vocSchedule {

    private C3vocSchedule() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Document(@JsonProperty("$schema") String schema, Generator generator, Schedule schedule) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Generator(String name) {
    }

    /** @param version changes whenever the schedule's content does (apps compare it to notice changes) */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Schedule(String version, Conference conference) {
    }

    /**
     * @param acronym   the group's slug and the event's number, e.g. {@code paris_deep_learning_13}
     * @param start     the event's start, ISO-8601 with offset
     * @param daysCount every local date the event covers, sessions or not
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Conference(String acronym, String title, String start, String end, int daysCount,
                             @JsonProperty("timeslot_duration") String timeslotDuration,
                             @JsonProperty("time_zone_name") String timeZoneName, String url,
                             List<Track> tracks, List<Room> rooms, List<Day> days) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Track(String name) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Room(String name, String guid) {
    }

    /** @param rooms every room of the event, in order, with this day's sessions held in it */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Day(int index, String date, @JsonProperty("day_start") String dayStart,
                      @JsonProperty("day_end") String dayEnd, Map<String, List<Session>> rooms) {
    }

    /**
     * One agenda slot (frab calls it an "event").
     *
     * @param id       a deprecated integer id, kept because older apps still key favourites by it
     * @param date     the start, ISO-8601 with offset; {@code start} is the same as local "HH:MM"
     * @param duration "HH:MM"
     * @param type     the slot's kind in lower case: talk, keynote, lightning, practical, workshop, break, social
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Session(String guid, int id, String date, String start, String end, String duration, String room,
                          String slug, String url, String title, @Nullable String subtitle, @Nullable String track,
                          String type, String language, @Nullable @JsonProperty("abstract") String abstractText,
                          @Nullable String description, List<Person> persons, List<Reference> links,
                          List<Reference> attachments) {
    }

    /** A speaker, by name only: no email ever appears in a public schedule. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Person(String name, String guid) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Reference(String url, String title) {
    }
}
