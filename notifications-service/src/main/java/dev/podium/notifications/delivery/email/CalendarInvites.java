package dev.podium.notifications.delivery.email;

import dev.podium.calendar.CalendarMethod;
import dev.podium.calendar.EventCalendar;
import dev.podium.notifications.notification.StoredNotification;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The iCalendar attachment of a notification's emails, encoded once: every copy gets a part parsed
 * from the same encoded bytes, which Jakarta Mail writes out as they are instead of encoding the
 * calendar again for each recipient.
 */
final class CalendarInvites {

    private static final int CACHED = 200;

    private final Map<String, byte[]> encoded = new ConcurrentHashMap<>();

    /** A part of its own for one message (a part belongs to one multipart), from the shared bytes. */
    MimeBodyPart of(StoredNotification notification) throws MessagingException {
        byte[] bytes = encoded.get(notification.id());
        if (bytes == null) {
            if (encoded.size() >= CACHED) {
                encoded.clear();
            }
            bytes = encode(notification.calendar());
            encoded.put(notification.id(), bytes);
        }
        return new MimeBodyPart(new ByteArrayInputStream(bytes));
    }

    private static byte[] encode(String calendar) throws MessagingException {
        EncodedPart invite = new EncodedPart();
        // RFC 6047: the MIME method is the calendar's METHOD property, read from the calendar itself
        // (a title or description may well contain the text "METHOD:CANCEL").
        String method = EventCalendar.methodOf(calendar).orElse(CalendarMethod.REQUEST).name();
        invite.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar.getBytes(StandardCharsets.UTF_8),
                "text/calendar; charset=UTF-8; method=" + method)));
        invite.setFileName(method.equals("CANCEL") ? "cancel.ics" : "invite.ics");
        invite.setHeader("Content-Type", "text/calendar; charset=UTF-8; method=" + method + "; name=\""
                + invite.getFileName() + "\"");
        return invite.encoded();
    }

    private static final class EncodedPart extends MimeBodyPart {

        /** The part as a message carries it: headers (the transfer encoding chosen) and encoded content. */
        byte[] encoded() throws MessagingException {
            updateHeaders();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                writeTo(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }
}
