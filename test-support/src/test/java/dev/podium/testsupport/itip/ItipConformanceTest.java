package dev.podium.testsupport.itip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker against calendars written by hand after RFC 5546's examples (§4.2), good and broken. */
class ItipConformanceTest {

    private static final String ORGANIZER = "rsvp@example.com";
    private static final String RECIPIENT = "b@example.com";

    private static String request(String method, int sequence, String dtstamp, String start, String extra) {
        return String.join("\r\n",
                "BEGIN:VCALENDAR", "PRODID:-//Example/ExampleCalendarClient//EN", "METHOD:" + method, "VERSION:2.0",
                "BEGIN:VEVENT",
                "ORGANIZER;CN=\"Group: A;B\":mailto:" + ORGANIZER,
                "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=B:mailto:" + RECIPIENT,
                "DTSTAMP:" + dtstamp, "DTSTART:" + start, "DTEND:19970701T230000Z", "SUMMARY:Conference",
                "UID:calsrv.example.com-873970198738777@exa", " mple.com",
                "SEQUENCE:" + sequence)
                + (extra.isEmpty() ? "" : "\r\n" + extra) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    @Test
    void aRequestAfterTheRfcsExampleConformsAndItsFoldedUidIsRead() {
        String calendar = request("REQUEST", 0, "19970611T190000Z", "19970701T200000Z", "STATUS:CONFIRMED");
        assertThat(ItipConformance.violations(calendar, RECIPIENT, ORGANIZER)).isEmpty();
        assertThat(ItipConformance.uid(calendar)).isEqualTo("calsrv.example.com-873970198738777@example.com");
    }

    @Test
    void namesWhatARequestOrACancelLacksOrMayNotCarry() {
        String noOrganizer = request("REQUEST", 0, "19970611T190000Z", "19970701T200000Z", "").replaceFirst("ORGANIZER[^\r]*\r\n", "");
        assertThat(ItipConformance.violations(noOrganizer, RECIPIENT, ORGANIZER)).anyMatch(v -> v.contains("0 ORGANIZER"));
        String cancelledRequest = request("REQUEST", 0, "19970611T190000Z", "19970701T200000Z", "STATUS:CANCELLED");
        assertThat(ItipConformance.violations(cancelledRequest, RECIPIENT, ORGANIZER)).anyMatch(v -> v.contains("STATUS:CANCELLED"));
        String cancelWithoutSequence = request("CANCEL", 0, "19970611T190000Z", "19970701T200000Z", "").replace("SEQUENCE:0\r\n", "");
        assertThat(ItipConformance.violations(cancelWithoutSequence, RECIPIENT, ORGANIZER)).anyMatch(v -> v.contains("0 SEQUENCE"));
        assertThat(ItipConformance.violations(request("REQUEST", 0, "19970611T190000Z", "19970701T200000Z", ""), "c@example.com",
                ORGANIZER)).anyMatch(v -> v.contains("not the recipient"));
        assertThat(ItipConformance.violations(request("PUBLISH", 0, "19970611T190000Z", "19970701T200000Z", ""), RECIPIENT,
                ORGANIZER)).anyMatch(v -> v.contains("1 ATTENDEE, RFC 5546 allows none"));
        assertThat(ItipConformance.violations("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n", RECIPIENT, ORGANIZER))
                .singleElement().asString().startsWith("not iCalendar");
    }

    @Test
    void aStoryKeepsItsUidAndRaisesTheSequenceForAMoveOnly() {
        String first = request("REQUEST", 0, "19970611T190000Z", "19970701T200000Z", "");
        String again = request("REQUEST", 0, "19970612T190000Z", "19970701T200000Z", "");
        String moved = request("REQUEST", 1, "19970613T190000Z", "19970701T210000Z", "");
        assertThat(ItipConformance.storyViolations(List.of(first, again, moved))).isEmpty();

        assertThat(ItipConformance.storyViolations(List.of(first, request("REQUEST", 0, "19970613T190000Z", "19970701T210000Z", ""))))
                .singleElement().asString().contains("SEQUENCE stayed at 0");
        assertThat(ItipConformance.storyViolations(List.of(first, request("REQUEST", 1, "19970613T190000Z", "19970701T200000Z", ""))))
                .singleElement().asString().contains("without a change");
        assertThat(ItipConformance.storyViolations(List.of(again, first))).singleElement().asString().contains("DTSTAMP went back");
        assertThat(ItipConformance.storyViolations(List.of(first, again.replace("873970198738777", "1")))).anyMatch(v -> v.contains("UID changed"));
    }
}
