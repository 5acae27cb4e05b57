package dev.podium.notifications.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItipReplyTest {

    @Test
    void readsMethodUidAndTheAnsweringAttendeeAcrossFoldedLinesAndQuotedParameters() {
        String calendar = String.join("\r\n",
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "METHOD:REPLY",
                "BEGIN:VTIMEZONE", "TZID:Europe/Paris", "END:VTIMEZONE",
                "BEGIN:VEVENT", "DTSTART:20290307T180000Z",
                "ORGANIZER;CN=\"Paris: Deep Learning\":mailto:rsvp@podium.example",
                "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=accepted;CN=\"Lovelace; A",
                " da\";X-NUM-GUESTS=0:mailto:Ada@Example.org",
                "UID:evt-1.abcdefghijklmnopqrstuv@podium.exam", "\tple",
                "DESCRIPTION:METHOD:CANCEL is only text here",
                "END:VEVENT", "END:VCALENDAR", "");

        assertThat(ItipReply.parse(calendar)).contains(new ItipReply("REPLY", "evt-1.abcdefghijklmnopqrstuv@podium.example",
                "Ada@Example.org", "Lovelace; Ada", "ACCEPTED"));
    }

    @Test
    void aCalendarWithoutMailtoAttendeeOrNotACalendarAtAll() {
        assertThat(ItipReply.parse("hello")).isEmpty();
        assertThat(ItipReply.parse("BEGIN:VCALENDAR\nMETHOD:REPLY\nBEGIN:VEVENT\nUID:x\nATTENDEE:urn:uuid:1\nEND:VEVENT\nEND:VCALENDAR"))
                .contains(new ItipReply("REPLY", "x", null, null, null));
        assertThat(ItipReply.parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nMETHOD:REPLY\nEND:VEVENT\nEND:VCALENDAR").orElseThrow().method())
                .as("METHOD belongs to the calendar, not to an event").isNull();
    }
}
