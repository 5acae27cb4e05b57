package dev.podium.notifications.delivery.email;

import dev.podium.calendar.CalendarMethod;
import dev.podium.calendar.EventCalendar;
import dev.podium.notifications.delivery.ClaimedDelivery;
import dev.podium.notifications.invitation.Invitations;
import dev.podium.notifications.notification.StoredNotification;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;

/**
 * The calendar parts of one email, as iMIP (RFC 6047) and the clients expect them: the invitation
 * inline as {@code text/calendar; method=…} inside the multipart/alternative (where Outlook, Gmail
 * and Thunderbird look for an invitation to act on), and the same calendar as an
 * {@code application/ics} attachment, for clients that only import files (as Google Calendar's own
 * invitations do). The calendar was rendered once for the notification; each copy only fills in
 * its recipient's UID and ATTENDEE ({@link Invitations#forRecipient}).
 */
final class CalendarInvites {

    private final Invitations invitations;

    CalendarInvites(Invitations invitations) {
        this.invitations = invitations;
    }

    /** The recipient's copy of the notification's calendar. */
    CalendarCopy of(StoredNotification notification, ClaimedDelivery delivery) {
        String calendar = notification.eventId() == null ? notification.calendar()
                : invitations.forRecipient(notification.calendar(), notification.eventId(), delivery.address(), delivery.name(),
                        delivery.participation());
        // RFC 6047: the MIME method is the calendar's METHOD property, read from the calendar itself
        // (a title or description may well contain the text "METHOD:CANCEL").
        String method = EventCalendar.methodOf(calendar).orElse(CalendarMethod.REQUEST).name();
        return new CalendarCopy(calendar.getBytes(StandardCharsets.UTF_8), method);
    }

    record CalendarCopy(byte[] calendar, String method) {

        MimeBodyPart inline() throws MessagingException {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar, contentType())));
            part.setHeader("Content-Type", contentType());
            return part;
        }

        MimeBodyPart attachment() throws MessagingException {
            String fileName = method.equals("CANCEL") ? "cancel.ics" : "invite.ics";
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar, "application/ics")));
            part.setFileName(fileName);
            part.setDisposition(Part.ATTACHMENT);
            part.setHeader("Content-Type", "application/ics; name=\"" + fileName + "\"");
            return part;
        }

        private String contentType() {
            return "text/calendar; charset=UTF-8; method=" + method;
        }
    }
}
