package dev.podium.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.devissuer.Identity;
import dev.podium.e2e.Platform.Service;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.TestServers;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 14, as an organiser moving a community to Podium meets it: the member list is imported
 * and the next meetup published at once, with no pause for Podium to catch up. Every member must
 * get the announcement exactly once, also when notifications-service was down through all of it
 * and reads the topics afterwards at its own pace. The tests wait only for emails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NobodyMissedTest {

    private static final int MEMBERS = 2_000;
    private static final int ATTENDEES = 300;
    private static final Duration PROPAGATION = Duration.ofMinutes(4);
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final String ZONE = "Europe/Paris";
    /** The reminder is due this long before the event; the test moves the event to make it due right after the RSVPs. */
    private static final Duration REMINDER_BEFORE = Duration.ofHours(48);

    private final String run = Long.toString(System.currentTimeMillis(), 36) + UUID.randomUUID().toString().substring(0, 4);
    /** Emails received, by subject, then by recipient. */
    private final Map<String, Map<String, AtomicInteger>> received = new ConcurrentHashMap<>();
    private final Identity organiser = new Identity("orga-" + run, "Olga Organiser", "orga-" + run + "@e2e.podium.test", List.of());

    private Platform platform;
    private Api events;
    private AutoCloseable listening;

    @BeforeAll
    void startThePlatform() {
        MailTestServer mail = TestServers.mail();
        listening = mail.onDelivery(this::count);
        platform = Platform.start("missed", Map.of(Service.NOTIFICATIONS,
                Map.of("UPDATE_WINDOW", "2s", "REMINDER_BEFORE", REMINDER_BEFORE.toHours() + "h")));
        events = new Api(platform.url(Service.EVENTS));
    }

    @AfterAll
    void stopThePlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (listening != null) {
            listening.close();
        }
    }

    @Test
    void anOrganiserImportsTwoThousandMembersAndPublishesAtOnce() {
        String group = group("import");
        String eventId = draft(group, "Import night", LocalDateTime.now(ZoneId.of(ZONE)).plusDays(10));
        List<String> members = importMembers(group, "import");

        events.post("/events/" + eventId + "/publish", token(), Map.of()).expect(200);

        awaitExactlyOnce("Import " + run + ": Import night", members);
    }

    @Test
    void notificationsServiceDownThroughImportPublishRsvpsAndMoveStillWritesToEveryoneOnceWhenBack() {
        platform.process(Service.NOTIFICATIONS).kill();
        String group = group("outage");
        String eventId = draft(group, "Outage night", LocalDateTime.now(ZoneId.of(ZONE)).plusDays(10));
        List<String> members = importMembers(group, "outage");
        events.post("/events/" + eventId + "/publish", token(), Map.of()).expect(200);
        List<String> attendees = members.subList(0, ATTENDEES);
        for (String attendee : attendees) {
            events.post("/events/" + eventId + "/registrations", null, Map.of("name", "Attendee", "email", attendee)).expect(201);
        }
        // Moved so that its reminder falls due a few seconds from now: after every RSVP, while the service is still down.
        LocalDateTime movedTo = LocalDateTime.now(ZoneId.of(ZONE)).plus(REMINDER_BEFORE).plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        events.patch("/events/" + eventId, token(), Map.of("startsAt", movedTo.toString(),
                "endsAt", movedTo.plusHours(3).toString())).expect(200);
        await().pollDelay(Duration.ofSeconds(6)).until(() -> true);

        platform.process(Service.NOTIFICATIONS).start();

        awaitExactlyOnce("Outage " + run + ": Outage night", members);
        awaitExactlyOnce("You are registered: Outage night", attendees);
        awaitExactlyOnce("Tomorrow: Outage night", attendees);
        awaitExactlyOnce("Changed: Outage night", members);
    }

    private String group(String name) {
        String slug = name + "-" + run;
        events.post("/groups", token(), Map.of("slug", slug, "name", name.substring(0, 1).toUpperCase() + name.substring(1) + " " + run,
                "description", "A community moving to Podium", "timeZone", ZONE, "language", "en")).expect(201);
        return slug;
    }

    private String draft(String group, String title, LocalDateTime startsAt) {
        LocalDateTime start = startsAt.truncatedTo(ChronoUnit.MINUTES);
        return events.post("/groups/" + group + "/events", token(), Map.of("title", title, "startsAt", start.toString(),
                "endsAt", start.plusHours(3).toString(), "timeZone", ZONE)).expect(201).get("id");
    }

    /** Imports the members as a CSV export from another platform; answers once events-service has them, as the API does. */
    private List<String> importMembers(String group, String handle) {
        List<String> members = new ArrayList<>();
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < MEMBERS; i++) {
            String email = handle + "-" + i + "-" + run + "@e2e.podium.test";
            members.add(email);
            csv.append("Member ").append(i).append(',').append(email).append('\n');
        }
        Api.Answer report = events.postText("/groups/" + group + "/members/import", token(), "text/csv", csv.toString()).expect(200);
        assertThat(report.body().path("imported").asInt()).isEqualTo(MEMBERS);
        return members;
    }

    /** Waits until each address got the email once, then checks for a settling while that none got it twice. */
    private void awaitExactlyOnce(String subject, List<String> addresses) {
        await().atMost(PROPAGATION).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(addresses.stream().filter(address -> count(subject, address) == 0).toList())
                        .as("addresses still without \"%s\" (of %d)", subject, addresses.size()).isEmpty());
        await().during(SETTLE).atMost(SETTLE.multipliedBy(3)).untilAsserted(() ->
                assertThat(addresses.stream().filter(address -> count(subject, address) != 1).toList())
                        .as("addresses with \"%s\" more than once", subject).isEmpty());
    }

    private int count(String subject, String address) {
        AtomicInteger count = received.getOrDefault(subject, Map.of()).get(address);
        return count == null ? 0 : count.get();
    }

    private void count(String recipient, jakarta.mail.internet.MimeMessage message) throws MessagingException {
        received.computeIfAbsent(message.getSubject(), subject -> new ConcurrentHashMap<>())
                .computeIfAbsent(recipient.toLowerCase(java.util.Locale.ROOT), address -> new AtomicInteger()).incrementAndGet();
    }

    private String token() {
        return TestServers.issuer().issuer().token(organiser);
    }
}
