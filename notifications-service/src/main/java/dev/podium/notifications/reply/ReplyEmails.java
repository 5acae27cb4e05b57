package dev.podium.notifications.reply;

import jakarta.mail.BodyPart;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** Reads what {@link CalendarReplies} needs of an email: its key, Message-ID, sender and calendar part. */
final class ReplyEmails {

    private static final int MAX_CALENDAR_BYTES = 256 * 1024;

    private ReplyEmails() {
    }

    /**
     * @throws MessagingException when the mailbox's connection is lost (the email stays unseen, read again next poll)
     */
    static IncomingReply read(MimeMessage email) throws MessagingException, IOException {
        String messageId = email.getMessageID();
        String key = messageId == null || messageId.isBlank() ? sha256(rawBytes(email)) : sha256(messageId.strip().getBytes(StandardCharsets.UTF_8));
        return new IncomingReply(key, messageId, sender(email), calendarOf(email).orElse(null));
    }

    private static String sender(MimeMessage email) {
        try {
            var from = email.getFrom();
            return from == null || from.length == 0 ? null
                    : from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The {@code text/calendar} part, else an {@code .ics} attachment; empty when there is none or it cannot be read. */
    private static Optional<String> calendarOf(Part part) throws MessagingException, IOException {
        try {
            String calendar = find(part, true);
            return Optional.ofNullable(calendar != null ? calendar : find(part, false));
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (MessagingException | IOException | ClassCastException e) {
            // A malformed email: recorded as having no calendar, rather than read again at every poll.
            return Optional.empty();
        }
    }

    private static String find(Part part, boolean calendarTypeOnly) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, calendarTypeOnly);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        boolean calendar = part.isMimeType("text/calendar")
                || (!calendarTypeOnly && (part.isMimeType("application/ics")
                || (part.getFileName() != null && part.getFileName().toLowerCase(Locale.ROOT).endsWith(".ics"))));
        if (!calendar) {
            return null;
        }
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_CALENDAR_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static byte[] rawBytes(MimeMessage email) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        email.writeTo(out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
