package dev.podium.notifications.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.api.PageView;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.notifications.CalendarAnswer;
import dev.podium.contracts.notifications.CalendarReplyReceived;
import dev.podium.devissuer.Identity;
import dev.podium.notifications.invitation.InvitationUids;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.ProblemResponse;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.Tokens;
import dev.podium.testsupport.TopicReader;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Answers from attendees' calendars, sent over SMTP to the organizer address and read back from its
 * mailbox over IMAP: each verified answer is published once, whatever reaches the mailbox twice, and
 * anything else is kept as unmatched for admins.
 */
@MicronautTest(transactional = false)
class CalendarRepliesTest implements RealServers {

    private static final String ORGANIZER = "rsvp-" + UUID.randomUUID() + "@podium.localhost";
    private static final String MAILBOX_PASSWORD = "mailbox-password";

    private final MailTestServer mail = TestServers.mail();
    private final Identity admin = Identity.admin("admin-" + UUID.randomUUID());

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MessageCodec codec;
    @Inject
    InvitationUids uids;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        TestServers.mail().greenMail().setUser(ORGANIZER, ORGANIZER, MAILBOX_PASSWORD);
        properties.put("podium.notifications.invitations.organizer-address", ORGANIZER);
        properties.put("podium.notifications.replies.imap-host", TestServers.mail().host());
        properties.put("podium.notifications.replies.imap-port", String.valueOf(TestServers.mail().imapPort()));
        properties.put("podium.notifications.replies.imap-ssl", "false");
        properties.put("podium.notifications.replies.username", ORGANIZER);
        properties.put("podium.notifications.replies.password", MAILBOX_PASSWORD);
        properties.put("podium.notifications.replies.poll-interval", "200ms");
        return properties;
    }

    @Test
    void aVerifiedAnswerIsPublishedOnceAndEverythingElseIsKeptAsUnmatched() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String ada = "ada-" + eventId + "@example.org";
        String grace = "grace-" + eventId + "@example.org";
        String adasUid = uids.issue(eventId, ada);

        MimeMessage yes = reply(ada, calendar("REPLY", adasUid, ada, "Ada Lovelace", "ACCEPTED"));
        send(yes);
        send(yes);
        String otherEvent = UUID.randomUUID().toString();
        send(reply(ada, calendar("REPLY", otherEvent + ".AAAAAAAAAAAAAAAAAAAAAA@elsewhere.example", ada, null, "ACCEPTED")));
        send(reply(ada, calendar("REPLY", tampered(adasUid), ada, null, "ACCEPTED")));
        send(reply(grace, calendar("REPLY", adasUid, grace, "Grace", "DECLINED")));
        send(reply(ada, calendar("REQUEST", adasUid, ada, null, "ACCEPTED")));
        send(reply(ada, "garbage"));
        send(plainEmail(ada));
        send(reply(ada, calendar("REPLY", adasUid, ada, "Ada Lovelace", "DECLINED")));

        try (TopicReader reader = TopicReader.fromBeginning(Topics.CALENDAR_REPLIES)) {
            reader.await(record -> eventId.equals(record.key()) && decode(record.value()) != null
                    && decode(record.value()).answer() == CalendarAnswer.DECLINED,
                    1, Duration.ofSeconds(60));
            // One event's answers share a partition: everything published before the decline has been read.
            List<CalendarReplyReceived> published = reader.await(record -> eventId.equals(record.key()), 0, Duration.ZERO).stream()
                    .map(record -> decode(record.value())).toList();
            assertThat(published).as("the accept once, though delivered twice, then the decline; nothing unmatched")
                    .extracting(CalendarReplyReceived::answer).containsExactly(CalendarAnswer.ACCEPTED, CalendarAnswer.DECLINED);
            assertThat(published).allMatch(r -> r.email().equals(ada) && r.eventId().equals(eventId));
            assertThat(published.get(0).name()).isEqualTo("Ada Lovelace");
        }

        List<CalendarReplyView> unmatched = await().atMost(Duration.ofSeconds(30))
                .until(() -> list("unmatched").items(), items -> items.size() >= 6);
        assertThat(unmatched).hasSize(6).allMatch(r -> r.eventId() == null);
        assertThat(unmatched).extracting(CalendarReplyView::reason).containsExactlyInAnyOrder(
                "uid-not-issued-to-attendee", "uid-not-issued-to-attendee", "uid-not-issued-to-attendee",
                "not-a-reply", "unparsable-calendar", "no-calendar");
        assertThat(list("matched").total()).as("the duplicate recorded once").isEqualTo(2);

        ProblemResponse.of(() -> http.toBlocking().exchange(Tokens.as(admin,
                HttpRequest.GET("/admin/calendar-replies?status=everything")))).assertStatus(400);
        ProblemResponse.of(() -> http.toBlocking().exchange(HttpRequest.GET("/admin/calendar-replies"))).assertStatus(401);
    }

    private CalendarReplyReceived decode(String json) {
        return codec.decode(json).data() instanceof CalendarReplyReceived received ? received : null;
    }

    private PageView<CalendarReplyView> list(String status) {
        return http.toBlocking().retrieve(Tokens.as(admin, HttpRequest.GET("/admin/calendar-replies?size=100&status=" + status)),
                Argument.of(PageView.class, CalendarReplyView.class));
    }

    private static String tampered(String uid) {
        int signature = uid.indexOf('.') + 1;
        return uid.substring(0, signature) + (uid.charAt(signature) == 'A' ? 'B' : 'A') + uid.substring(signature + 1);
    }

    private String calendar(String method, String uid, String attendee, String name, String partstat) {
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Podium tests//EN", "METHOD:" + method,
                "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20290115T100000Z", "SEQUENCE:1",
                "ORGANIZER;CN=Paris Deep Learning:mailto:" + ORGANIZER,
                "ATTENDEE;PARTSTAT=" + partstat + (name == null ? "" : ";CN=\"" + name + "\"") + ":mailto:" + attendee,
                "END:VEVENT", "END:VCALENDAR", "");
    }

    /** An answer as calendars send it: text and the calendar, alternatives, with a Message-ID of its own kept on resending. */
    private MimeMessage reply(String from, String calendar) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        String messageId = "<" + UUID.randomUUID() + "@calendar.example>";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(ORGANIZER));
        message.setSubject("Accepted: Deep Learning Meetup");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Answered from my calendar", "UTF-8");
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(calendar, "text/calendar; charset=UTF-8; method=REPLY");
        message.setContent(new MimeMultipart("alternative", text, part));
        return message;
    }

    private MimeMessage plainEmail(String from) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(ORGANIZER));
        message.setSubject("Can I bring a friend?");
        message.setText("No calendar in this one", "UTF-8");
        return message;
    }

    private void send(MimeMessage message) throws MessagingException {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", mail.host());
        smtp.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        Session session = Session.getInstance(smtp);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }
}
