package dev.podium.e2e;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * A recipient's mailbox, read over IMAP as a mail client reads it (jakarta.mail's IMAP provider
 * against the SMTP server's IMAP side; user name and password are the recipient's address).
 */
final class Mailbox {

    private final String host;
    private final int port;

    Mailbox(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** One email as its recipient sees it: subject, plain text, HTML, and the calendar attachment if any. */
    record Mail(String subject, List<String> to, String text, String html, String calendar, String messageId) {

        boolean hasCalendar() {
            return calendar != null;
        }

        /** The attachment's only VEVENT, parsed by ical4j as calendar clients parse it. */
        VEvent event() {
            if (calendar == null) {
                throw new AssertionError("no calendar attached to \"" + subject + "\"");
            }
            try {
                List<VEvent> events = new CalendarBuilder().build(new ByteArrayInputStream(calendar.getBytes(StandardCharsets.UTF_8)))
                        .getComponents(Component.VEVENT);
                if (events.size() != 1) {
                    throw new AssertionError(events.size() + " VEVENTs in the calendar of \"" + subject + "\"");
                }
                return events.get(0);
            } catch (IOException | ParserException e) {
                throw new AssertionError("calendar of \"" + subject + "\" not parseable:\n" + calendar, e);
            }
        }

        Calendar parsedCalendar() {
            try {
                return new CalendarBuilder().build(new ByteArrayInputStream(calendar.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException | ParserException e) {
                throw new AssertionError("calendar of \"" + subject + "\" not parseable:\n" + calendar, e);
            }
        }

        int sequence() {
            return Integer.parseInt(event().getProperty(Property.SEQUENCE).orElseThrow().getValue());
        }
    }

    /** The subjects of every message in the address's inbox, in arrival order (none before its first message). */
    List<String> subjects(String address) {
        return inInbox(address, messages -> {
            List<String> subjects = new ArrayList<>();
            for (Message message : messages) {
                subjects.add(message.getSubject());
            }
            return subjects;
        });
    }

    /** The address's messages whose subject is {@code subject}, read in full. */
    List<Mail> withSubject(String address, String subject) {
        return inInbox(address, messages -> {
            List<Mail> mails = new ArrayList<>();
            for (Message message : messages) {
                if (subject.equals(message.getSubject())) {
                    mails.add(mail(message));
                }
            }
            return mails;
        });
    }

    /** Every message in the address's inbox, read in full, in arrival order. */
    List<Mail> all(String address) {
        return inInbox(address, messages -> {
            List<Mail> mails = new ArrayList<>();
            for (Message message : messages) {
                mails.add(mail(message));
            }
            return mails;
        });
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read(Message[] messages) throws MessagingException, IOException;
    }

    /** Opens the address's inbox (envelopes fetched in one go: bodies only when asked for) and reads it. */
    private <T extends List<?>> T inInbox(String address, Reading<T> reading) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "15000");
        Session session = Session.getInstance(properties);
        try {
            Store store = session.getStore("imap");
            try {
                store.connect(host, port, address, address);
            } catch (AuthenticationFailedException noMailboxYet) {
                @SuppressWarnings("unchecked")
                T none = (T) List.of();
                return none;
            }
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    Message[] messages = inbox.getMessages();
                    FetchProfile envelopes = new FetchProfile();
                    envelopes.add(FetchProfile.Item.ENVELOPE);
                    inbox.fetch(messages, envelopes);
                    return reading.read(messages);
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read the mailbox of " + address, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mail mail(Message message) throws MessagingException, IOException {
        Parts parts = new Parts();
        parts.collect(message);
        String[] ids = message.getHeader("Message-ID");
        List<String> to = message.getAllRecipients() == null ? List.of() : Arrays.stream(message.getAllRecipients())
                .map(address -> ((InternetAddress) address).getAddress().toLowerCase(Locale.ROOT)).toList();
        return new Mail(message.getSubject(), to, parts.text, parts.html, parts.calendar, ids == null ? null : ids[0]);
    }

    private static final class Parts {
        String text;
        String html;
        String calendar;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            } else if (part.isMimeType("text/calendar")) {
                try (InputStream in = part.getInputStream()) {
                    calendar = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
    }
}
