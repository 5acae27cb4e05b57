package dev.podium.calendar;

import dev.podium.contracts.events.EventSnapshot;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.property.Uid;

/**
 * An iTIP invitation (RFC 5546 REQUEST) or its withdrawal (CANCEL) sent by email (iMIP, RFC 6047),
 * in two steps so that what every recipient shares is rendered once: {@link #shared} renders the
 * calendar (time zones, description, agenda, ORGANIZER, SEQUENCE, STATUS) with one slot line where
 * each copy's own UID and ATTENDEE go; {@link #forAttendee} fills the slot for one recipient.
 *
 * <p>The UID is the recipient's own (the caller chooses it, stable for that address across every
 * message about the event) so that an iTIP REPLY, which echoes UID and ATTENDEE, can be checked.
 */
public final class Invitation {

    /** Stands where a copy's UID and ATTENDEE go; an X- line, so a copy left unfilled still parses. */
    static final String SLOT = "X-PODIUM-ATTENDEE-SLOT:UID;ATTENDEE\r\n";
    private static final String VEVENT = "BEGIN:VEVENT\r\n";

    private Invitation() {
    }

    /**
     * @param method REQUEST (an invitation or an update of it) or CANCEL (the event is cancelled when
     *               its snapshot says CANCELLED, else this recipient's invitation is withdrawn)
     */
    public static String shared(EventSnapshot event, CalendarMethod method, Organizer organizer, Instant stamp) {
        if (method == CalendarMethod.PUBLISH) {
            throw new IllegalArgumentException("An invitation is a REQUEST or a CANCEL; PUBLISH has no attendee");
        }
        if (!EventCalendar.hasDate(event)) {
            throw new IllegalArgumentException("Event " + event.eventId() + " has no date yet, so no calendar entry");
        }
        String rendered = EventCalendar.render(EventCalendar.calendar(method, List.of(event), stamp, organizer));
        int vEvent = rendered.indexOf(VEVENT);
        return rendered.substring(0, vEvent + VEVENT.length()) + SLOT + rendered.substring(vEvent + VEVENT.length());
    }

    /** One recipient's copy of a {@link #shared} invitation; a calendar without the slot is returned as it is. */
    public static String forAttendee(String shared, String uid, Attendee attendee) {
        int slot = shared.indexOf(SLOT);
        if (slot < 0) {
            return shared;
        }
        String lines = LineFolding.fold(new Uid(uid).toString() + attendee.property().toString());
        return shared.substring(0, slot) + lines + shared.substring(slot + SLOT.length());
    }

    /** Whether a stored calendar is a {@link #shared} invitation that each copy fills. */
    public static boolean isShared(String calendar) {
        return calendar.contains(SLOT);
    }
}
