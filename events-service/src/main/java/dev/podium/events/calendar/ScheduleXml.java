package dev.podium.events.calendar;

import dev.podium.events.calendar.C3vocSchedule.Conference;
import dev.podium.events.calendar.C3vocSchedule.Day;
import dev.podium.events.calendar.C3vocSchedule.Document;
import dev.podium.events.calendar.C3vocSchedule.Person;
import dev.podium.events.calendar.C3vocSchedule.Room;
import dev.podium.events.calendar.C3vocSchedule.Session;
import dev.podium.events.calendar.C3vocSchedule.Track;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link C3vocSchedule} as the XML of the c3voc schedule format (schedule.xsd, media type
 * {@code application/vnd.c3voc.schedule+xml}) with the JDK's StAX writer, indented for people.
 */
final class ScheduleXml {

    private final XMLStreamWriter xml;
    private int depth;

    private ScheduleXml(XMLStreamWriter xml) {
        this.xml = xml;
    }

    static String write(Document document) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            writer.writeStartDocument("UTF-8", "1.0");
            new ScheduleXml(writer).schedule(document);
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the schedule", e);
        }
        return text.toString();
    }

    private void schedule(Document document) throws XMLStreamException {
        open("schedule");
        empty("generator", "name", document.generator().name());
        leaf("version", document.schedule().version());
        conference(document.schedule().conference());
        for (Day day : document.schedule().conference().days()) {
            day(day, document.schedule().conference().rooms());
        }
        close();
    }

    private void conference(Conference conference) throws XMLStreamException {
        open("conference");
        leaf("acronym", conference.acronym());
        leaf("title", conference.title());
        leaf("start", conference.start());
        leaf("end", conference.end());
        leaf("days", String.valueOf(conference.daysCount()));
        leaf("timeslot_duration", conference.timeslotDuration());
        if (isHttp(conference.url())) {
            leaf("url", conference.url());
        }
        leaf("time_zone_name", conference.timeZoneName());
        for (Track track : conference.tracks()) {
            empty("track", "name", track.name());
        }
        close();
    }

    private void day(Day day, List<Room> rooms) throws XMLStreamException {
        open("day", "index", String.valueOf(day.index()), "date", day.date(), "start", day.dayStart(), "end", day.dayEnd());
        for (Room room : rooms) {
            List<Session> sessions = day.rooms().getOrDefault(room.name(), List.of());
            if (sessions.isEmpty()) {
                empty("room", "name", room.name(), "guid", room.guid());
                continue;
            }
            open("room", "name", room.name(), "guid", room.guid());
            for (Session session : sessions) {
                session(session);
            }
            close();
        }
        close();
    }

    private void session(Session session) throws XMLStreamException {
        open("event", "guid", session.guid(), "id", String.valueOf(session.id()));
        leaf("date", session.date());
        leaf("start", session.start());
        leaf("duration", session.duration());
        leaf("room", session.room());
        leaf("slug", session.slug());
        if (isHttp(session.url())) {
            leaf("url", session.url());
        }
        leaf("title", session.title());
        leaf("subtitle", session.subtitle());
        leaf("track", session.track());
        leaf("type", session.type());
        leaf("language", session.language());
        leaf("abstract", session.abstractText());
        if (session.description() != null) {
            leaf("description", session.description());
        }
        if (session.persons().isEmpty()) {
            empty("persons");
        } else {
            open("persons");
            for (Person person : session.persons()) {
                leaf("person", person.name(), "guid", person.guid());
            }
            close();
        }
        empty("links");
        empty("attachments");
        close();
    }

    private void open(String name, String... attributes) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        attributes(attributes);
        depth++;
    }

    private void close() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    private void empty(String name, String... attributes) throws XMLStreamException {
        indent();
        xml.writeEmptyElement(name);
        attributes(attributes);
    }

    /** An element holding text; a null text gives an empty element. */
    private void leaf(String name, String text, String... attributes) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        attributes(attributes);
        if (text != null) {
            xml.writeCharacters(xmlText(text));
        }
        xml.writeEndElement();
    }

    private void attributes(String... nameValuePairs) throws XMLStreamException {
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            xml.writeAttribute(nameValuePairs[i], xmlText(nameValuePairs[i + 1]));
        }
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Drops the characters XML 1.0 cannot carry at all (control characters pasted into an abstract). */
    static String xmlText(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(ScheduleXml::allowedInXml).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    private static boolean isHttp(String url) {
        return url != null && (url.startsWith("http://") || url.startsWith("https://"));
    }
}
