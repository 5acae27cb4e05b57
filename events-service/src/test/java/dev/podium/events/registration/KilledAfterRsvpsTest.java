package dev.podium.events.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.Topics;
import dev.podium.devissuer.Identity;
import dev.podium.events.EventsApplication;
import dev.podium.testsupport.FreePort;
import dev.podium.testsupport.ServiceProcess;
import dev.podium.testsupport.TestDatabase;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.Tokens;
import dev.podium.testsupport.TopicReader;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of events-service right after it accepted a burst of RSVPs (issue 7): the service runs as
 * a process of its own, 50 people RSVP to 30 seats from 10 threads, and the process is killed the
 * moment the last answer arrives. That process never relays, so every message is still in its outbox
 * when it dies, the window a real crash can hit. After a restart on the same database, every RSVP that
 * was answered 201 is there with the status it was given, and its message reaches the registrations topic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KilledAfterRsvpsTest {

    private static final Pattern RSVP_ID = Pattern.compile("\"registrationId\":\"([0-9a-f-]{36})\"");

    private static final Logger LOG = LoggerFactory.getLogger(KilledAfterRsvpsTest.class);
    private static final int SEATS = 30;
    private static final int PEOPLE = 50;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Identity organiser = Identity.of("killed-organiser-" + run);
    private TestDatabase database;
    private ServiceProcess service;

    @BeforeAll
    void startService() {
        database = TestServers.mysql().createDatabase("killed");
        TestServers.kafka().startConsumerGroupAtEnd(database.name());
        // The first process never relays: everything it accepts is still in its outbox when it dies,
        // which is the window a real crash can hit.
        service = start(false);
    }

    private ServiceProcess start(boolean relay) {
        ServiceProcess started = ServiceProcess.start(EventsApplication.class.getName(), Map.ofEntries(
                        Map.entry("DB_URL", database.jdbcUrl()),
                        Map.entry("DB_USERNAME", database.username()),
                        Map.entry("DB_PASSWORD", database.password()),
                        Map.entry("KAFKA_BOOTSTRAP_SERVERS", TestServers.kafka().bootstrapServers()),
                        Map.entry("KAFKA_CONSUMER_GROUP", database.name()),
                        Map.entry("AUTH_JWKS_URL", TestServers.issuer().jwksUrl()),
                        Map.entry("AUTH_ISSUER", TestServers.issuer().issuer().issuerUrl()),
                        Map.entry("RATE_LIMIT_PUBLIC_WRITES", "1000000"),
                        Map.entry("PODIUM_OUTBOX_RELAY_ENABLED", String.valueOf(relay))),
                Map.of(), Path.of("target", "killed-after-rsvps-" + run + ".log"), FreePort.find());
        started.awaitHealthy(Duration.ofMinutes(2));
        return started;
    }

    @AfterAll
    void stopService() {
        if (service != null) {
            service.kill();
        }
    }

    @Test
    void everyAcceptedRsvpSurvivesAKillAndItsMessageIsPublishedAfterTheRestart() throws Exception {
        String eventId;
        Map<String, String> accepted = new ConcurrentHashMap<>();
        try (HttpClient client = HttpClient.create(new URL(service.baseUrl()))) {
            BlockingHttpClient http = client.toBlocking();
            String slug = "killed-" + run;
            http.exchange(Tokens.as(organiser, HttpRequest.POST("/groups", Map.of("slug", slug, "name", "Killed meetups",
                    "timeZone", "Europe/Paris", "language", "en"))));
            eventId = (String) http.retrieve(Tokens.as(organiser, HttpRequest.POST("/groups/" + slug + "/events", Map.of(
                    "title", "Deep Learning Meetup #13", "startsAt", "2029-03-07T19:00:00", "endsAt", "2029-03-07T22:00:00",
                    "capacity", SEATS))), Argument.mapOf(String.class, Object.class)).get("id");
            http.exchange(Tokens.as(organiser, HttpRequest.POST("/events/" + eventId + "/publish", Map.of())));

            ExecutorService people = Executors.newFixedThreadPool(10);
            List<Future<?>> answers = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                String email = "attendee-" + run + "-" + i + "@example.org";
                String path = "/events/" + eventId + "/registrations";
                answers.add(people.submit(() -> {
                    HttpResponse<Map<String, Object>> answer = http.exchange(HttpRequest.POST(path,
                            Map.of("name", "Attendee", "email", email)), Argument.mapOf(String.class, Object.class));
                    if (answer.code() == 201) {
                        Map<String, Object> rsvp = answer.body();
                        accepted.put((String) rsvp.get("id"), (String) rsvp.get("status"));
                    }
                    return null;
                }));
            }
            for (Future<?> answer : answers) {
                answer.get();
            }
            people.shutdown();
        }
        service.kill();
        int unpublishedAtKill = unpublishedRegistrationMessages();
        LOG.info("KILL RESULT: {} RSVPs accepted, {} of their messages still in the outbox when the process died",
                accepted.size(), unpublishedAtKill);

        service = start(true);

        assertThat(accepted).hasSize(PEOPLE);
        assertThat(unpublishedAtKill).as("messages the killed process had not relayed").isEqualTo(PEOPLE);
        assertThat(accepted.values().stream().filter("CONFIRMED"::equals).count()).isEqualTo(SEATS);
        Map<String, String> stored = new HashMap<>();
        try (HttpClient client = HttpClient.create(new URL(service.baseUrl()))) {
            Map<String, Object> page = client.toBlocking().retrieve(
                    Tokens.as(organiser, HttpRequest.GET("/events/" + eventId + "/registrations?size=100")),
                    Argument.mapOf(String.class, Object.class));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> registrations = (List<Map<String, Object>>) page.get("items");
            registrations.forEach(rsvp -> stored.put((String) rsvp.get("id"), (String) rsvp.get("status")));
        }
        assertThat(stored).as("every RSVP answered 201, with the status it was given").containsAllEntriesOf(accepted);

        try (TopicReader topic = TopicReader.fromBeginning(Topics.REGISTRATIONS)) {
            // Keyed by the event (one event's RSVPs are one stream); each names its RSVP.
            List<ConsumerRecord<String, String>> messages = topic.await(record -> accepted.containsKey(rsvpOf(record)),
                    PEOPLE, Duration.ofMinutes(1));
            Set<String> published = messages.stream().map(KilledAfterRsvpsTest::rsvpOf).collect(Collectors.toSet());
            assertThat(published).as("a message for every accepted RSVP").containsExactlyInAnyOrderElementsOf(accepted.keySet());
        }
        await().alias("the outbox has caught up").atMost(Duration.ofSeconds(30)).until(() -> unpublishedRegistrationMessages() == 0);
    }

    private static String rsvpOf(ConsumerRecord<String, String> record) {
        Matcher id = RSVP_ID.matcher(record.value());
        return id.find() ? id.group(1) : null;
    }

    private int unpublishedRegistrationMessages() throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             ResultSet result = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM outbox WHERE topic = '" + Topics.REGISTRATIONS + "' AND published_at IS NULL")) {
            result.next();
            return result.getInt(1);
        }
    }
}
