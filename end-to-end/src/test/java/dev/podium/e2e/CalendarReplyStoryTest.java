package dev.podium.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.devissuer.Identity;
import dev.podium.e2e.Platform.Service;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.itip.ItipConformance;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 20, as a member meets it: the announcement is an invitation in their calendar, they click
 * "Yes" there, their calendar mails an iTIP REPLY to the organizer address, and the RSVP's
 * confirmation email arrives. The test waits only for emails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarReplyStoryTest {

    private static final String ZONE = "Europe/Paris";
    private static final Duration PROPAGATION = Duration.ofMinutes(2);

    private final String run = Long.toString(System.currentTimeMillis(), 36) + UUID.randomUUID().toString().substring(0, 4);
    private final String organizerAddress = "rsvp-" + run + "@e2e.podium.test";
    private final Identity organiser = new Identity("orga-" + run, "Olga Organiser", "orga-" + run + "@e2e.podium.test", List.of());
    private final MailTestServer mail = TestServers.mail();

    private Platform platform;
    private Api events;
    private Mailbox mailbox;

    @BeforeAll
    void startThePlatform() {
        mail.greenMail().setUser(organizerAddress, organizerAddress, "mailbox-password");
        platform = Platform.start("replies", Map.of(Service.NOTIFICATIONS, Map.of(
                "INVITATIONS_ORGANIZER_ADDRESS", organizerAddress,
                "INVITATIONS_REPLY_IMAP_HOST", mail.host(),
                "INVITATIONS_REPLY_IMAP_PORT", String.valueOf(mail.imapPort()),
                "INVITATIONS_REPLY_IMAP_SSL", "false",
                "INVITATIONS_REPLY_IMAP_USER", organizerAddress,
                "INVITATIONS_REPLY_IMAP_PASSWORD", "mailbox-password",
                "INVITATIONS_REPLY_POLL_INTERVAL", "1s")));
        events = new Api(platform.url(Service.EVENTS));
        mailbox = new Mailbox(mail.host(), mail.imapPort());
    }

    @AfterAll
    void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aMemberAcceptsTheAnnouncementInTheirCalendarAndIsRegistered() throws Exception {
        String slug = "replies-" + run;
        events.post("/groups", token(), Map.of("slug", slug, "name", "Replies " + run, "description", "Calendar answers",
                "timeZone", ZONE, "language", "en")).expect(201);
        String ada = "ada-" + run + "@e2e.podium.test";
        events.postText("/groups/" + slug + "/members/import", token(), "text/csv", "name,email\nAda Lovelace," + ada + "\n").expect(200);
        LocalDateTime start = LocalDateTime.now(ZoneId.of(ZONE)).plusDays(10).truncatedTo(ChronoUnit.MINUTES);
        String eventId = events.post("/groups/" + slug + "/events", token(), Map.of("title", "Calendar night",
                "startsAt", start.toString(), "endsAt", start.plusHours(3).toString(), "timeZone", ZONE)).expect(201).get("id");
        events.post("/events/" + eventId + "/publish", token(), Map.of()).expect(200);

        String announcement = "Replies " + run + ": Calendar night";
        Mailbox.Mail invitation = await().atMost(PROPAGATION).until(() -> mailbox.withSubject(ada, announcement), mails -> !mails.isEmpty()).get(0);
        String uid = ItipConformance.uid(invitation.calendar());

        send(ada, reply(uid, ada, "ACCEPTED"));

        await().atMost(PROPAGATION).until(() -> !mailbox.withSubject(ada, "You are registered: Calendar night").isEmpty());
        assertThat(events.get("/events/" + eventId, null).expect(200).body().path("confirmed").asInt()).isEqualTo(1);
    }

    private String reply(String uid, String attendee, String partstat) {
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Podium e2e//EN", "METHOD:REPLY",
                "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20290115T100000Z", "SEQUENCE:1",
                "ORGANIZER:mailto:" + organizerAddress,
                "ATTENDEE;PARTSTAT=" + partstat + ";CN=Ada Lovelace:mailto:" + attendee,
                "END:VEVENT", "END:VCALENDAR", "");
    }

    private void send(String from, String calendar) throws MessagingException {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", mail.host());
        smtp.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(organizerAddress));
        message.setSubject("Accepted: Calendar night");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Ada Lovelace has accepted this invitation.", "UTF-8");
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(calendar, "text/calendar; charset=UTF-8; method=REPLY");
        message.setContent(new MimeMultipart("alternative", text, part));
        Transport.send(message);
    }

    private String token() {
        return TestServers.issuer().issuer().token(organiser);
    }
}
