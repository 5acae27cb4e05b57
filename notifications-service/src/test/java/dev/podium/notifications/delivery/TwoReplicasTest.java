package dev.podium.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.devissuer.Identity;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.NotificationsApplication;
import dev.podium.testsupport.FreePort;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.ServiceProcess;
import dev.podium.testsupport.TestDatabase;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.Tokens;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.json.JsonMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two replicas of notifications-service, each in a JVM of its own, on one database and one consumer
 * group: they share the topics' partitions, the delivery queue and the scheduled reminders, and
 * still every member gets one announcement and every attendee one reminder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoReplicasTest {

    private static final int MEMBERS = 1_000;
    private static final int ATTENDEES = 100;

    private final MessageCodec codec = new MessageCodec(JsonMapper.createDefault());
    private final MailTestServer mail = TestServers.mail();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** Recipient of this run → subjects of the copies the SMTP server accepted. */
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final AtomicInteger receivedTotal = new AtomicInteger();
    private final List<ServiceProcess> replicas = new ArrayList<>();
    private TestDatabase database;
    private AutoCloseable listening;

    @BeforeAll
    void startTwoReplicas() {
        database = TestServers.mysql().createDatabase("replicas");
        TestServers.kafka().startConsumerGroupAtEnd(database.name());
        listening = mail.onDelivery(this::accept);
        for (String replica : List.of("a", "b")) {
            ServiceProcess service = ServiceProcess.start(NotificationsApplication.class.getName(), Map.of(
                            "DB_URL", database.jdbcUrl(),
                            "DB_USERNAME", database.username(),
                            "DB_PASSWORD", database.password(),
                            "KAFKA_BOOTSTRAP_SERVERS", TestServers.kafka().bootstrapServers(),
                            "KAFKA_CONSUMER_GROUP", database.name(),
                            "SMTP_HOST", mail.host(),
                            "SMTP_PORT", String.valueOf(mail.smtpPort()),
                            "AUTH_JWKS_URL", TestServers.issuer().jwksUrl(),
                            "AUTH_ISSUER", TestServers.issuer().issuer().issuerUrl()),
                    Map.of(), Path.of("target", "two-replicas-" + run + "-" + replica + ".log"), FreePort.find());
            service.awaitHealthy(Duration.ofMinutes(2));
            replicas.add(service);
        }
    }

    @AfterAll
    void stopReplicas() throws Exception {
        replicas.forEach(ServiceProcess::kill);
        if (listening != null) {
            listening.close();
        }
    }

    @Test
    void everyMemberGetsOneAnnouncementAndEveryAttendeeOneReminder() {
        String groupId = UUID.randomUUID().toString();
        List<String> members = addresses("member", MEMBERS);
        List<PodiumMessage> audience = new ArrayList<>();
        audience.add(Fixtures.group(groupId, "fr", Fixtures.address("orla")));
        members.forEach(member -> audience.add(Fixtures.member(groupId, member, true)));
        TopicWriter.publishAll(codec, audience);

        // Starts in three hours: its reminder (24 h before) is due as soon as it is scheduled, and
        // both replicas' schedulers look for due reminders every second.
        LocalDateTime start = LocalDateTime.now(ZoneId.of(Fixtures.PARIS)).plusHours(3).truncatedTo(ChronoUnit.MINUTES);
        EventSnapshot event = Fixtures.event(UUID.randomUUID().toString(), groupId, "Deep Learning Meetup #14",
                start.toString(), start.plusHours(2).toString(), 1, List.of());
        List<String> attendees = addresses("attendee", ATTENDEES);
        List<PodiumMessage> registrations = new ArrayList<>();
        EventRef ref = new EventRef(event.eventId(), groupId, event.groupSlug(), event.groupName(), event.language(), event.number(),
                event.title(), event.status(), event.startsAt(), event.endsAt(), event.timeZone(), event.startsAtUtc(),
                event.endsAtUtc(), event.venue(), event.sequence(), event.url());
        attendees.forEach(attendee -> registrations.add(new RegistrationConfirmed(new RegistrationSnapshot(UUID.randomUUID().toString(),
                event.eventId(), new PersonRef(null, "Attendee", attendee), "CONFIRMED", Instant.now(), null, null), ref)));
        TopicWriter.publishAll(codec, registrations);
        awaitMembersKnown(groupId);
        TopicWriter.publish(codec, new EventPublished(event, Instant.now()));

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                members.stream().allMatch(member -> copies(member, "Paris Deep Learning") >= 1)
                        && attendees.stream().allMatch(attendee -> copies(attendee, "Demain") >= 1));
        int total = receivedTotal.get();
        await().alias("nothing more arrives").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                .until(() -> receivedTotal.get() == total);

        assertThat(members).as("members with other than one announcement")
                .filteredOn(member -> copies(member, "Paris Deep Learning") != 1).isEmpty();
        assertThat(attendees).as("attendees with other than one reminder").filteredOn(attendee -> copies(attendee, "Demain") != 1).isEmpty();
        assertThat(attendees).as("attendees with other than one RSVP confirmation")
                .filteredOn(attendee -> copies(attendee, "Vous êtes inscrit") != 1).isEmpty();
        for (ServiceProcess replica : replicas) {
            assertThat(replica.get("/prometheus", Tokens.of(Identity.admin("ops-" + run)))).as("both replicas took part in the sending")
                    .containsPattern("podium_mail_deliveries_total\\{[^}]*outcome=\"sent\"[^}]*\\} [1-9]");
        }
    }

    /** The announcement goes to the members known when it is recorded: wait until both replicas' consumers have them all. */
    private void awaitMembersKnown(String groupId) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> membersKnown(groupId) == MEMBERS);
    }

    private long membersKnown(String groupId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COUNT(*) FROM group_member WHERE group_id = ? AND confirmed")) {
            statement.setString(1, groupId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private List<String> addresses(String role, int count) {
        List<String> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            addresses.add(String.format("replicas-%s-%s-%04d@example.org", run, role, i));
        }
        return addresses;
    }

    private long copies(String recipient, String subjectStart) {
        return received.getOrDefault(recipient, List.of()).stream().filter(subject -> subject.startsWith(subjectStart)).count();
    }

    private void accept(String recipient, MimeMessage message) throws MessagingException {
        if (recipient.startsWith("replicas-" + run + "-")) {
            received.computeIfAbsent(recipient, key -> new CopyOnWriteArrayList<>()).add(message.getSubject());
            receivedTotal.incrementAndGet();
        }
    }
}
