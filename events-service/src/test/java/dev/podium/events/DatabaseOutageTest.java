package dev.podium.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.EventUpdated;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.talks.TalkAccepted;
import dev.podium.contracts.talks.TalkSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.events.event.EventView;
import dev.podium.events.registration.RegistrationStatus;
import dev.podium.events.registration.RegistrationView;
import dev.podium.events.talks.AcceptedTalkRepository;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TcpProxy;
import dev.podium.testsupport.TopicReader;
import dev.podium.testsupport.TopicWriter;
import dev.podium.testsupport.Tokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 7's fault "database stopped for 10 s", for events-service: its database connections go
 * through a {@link TcpProxy} that is cut for 10 s (every connection closed, new ones refused, as by a
 * stopped server) while the shared MySQL server keeps serving the other test classes.
 */
@MicronautTest(transactional = false)
class DatabaseOutageTest implements RealServers {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageTest.class);
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** The bound: an API answers within 5 s while the database is away. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(5);
    private static final Duration PAUSE_BETWEEN_REQUESTS = Duration.ofMillis(250);
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private TcpProxy database;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;
    @Inject
    AcceptedTalkRepository acceptedTalks;

    EventsApi api;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(RealServers.super.getProperties());
        database = TcpProxy.inFrontOfDatabase(properties);
        return properties;
    }

    @BeforeAll
    void api() {
        api = new EventsApi(client.toBlocking(), codec);
    }

    @AfterAll
    void closeProxy() {
        database.close();
    }

    @Test
    void answers503WhileTheDatabaseIsAwayThenRecoversByItselfWithNothingLost() throws Exception {
        String group = api.createGroup(EventsApi.unique("outage"), "Europe/Paris").slug();
        EventView event = api.publish(api.draft(group, Map.of("title", "Deep Learning Meetup #13", "number", 13,
                "startsAt", "2029-03-07T19:00:00", "endsAt", "2029-03-07T22:00:00", "capacity", 10)).id());
        RegistrationView before = api.rsvp(event.id(), "Ada Lovelace", "ada@example.org").body();
        TalkSnapshot talk = new TalkSnapshot(UUID.randomUUID().toString(), event.id(), null,
                "Differentiable Dynamic Programming for Structured Prediction and Attention",
                "Dynamic programming (DP) solves a variety of structured combinatorial problems.", "TALK", 40, "en", null,
                List.of("deep-learning"),
                List.of(new SpeakerRef(UUID.randomUUID().toString(), null, "Arthur Mensch", "arthur@example.org", "INRIA")),
                "ACCEPTED");
        TalkAccepted accepted = new TalkAccepted(talk, "Great fit", Instant.parse("2029-01-20T10:00:00Z"));

        long cutAt = System.nanoTime();
        database.cut();
        List<Answer> answers;
        try {
            // Consumed while the database is away: events-service cannot record it yet.
            TopicWriter.publish(codec, accepted);
            answers = duringTheOutage(cutAt, List.of(
                    () -> exchange("GET /events/{id}", HttpRequest.GET("/events/" + event.id())),
                    () -> exchange("POST /events/{id}/registrations", HttpRequest.POST("/events/" + event.id() + "/registrations",
                            Map.of("name", "Grace Hopper", "email", "grace@example.org"))),
                    () -> exchange("PATCH /events/{id}", api.asOrganiser(HttpRequest.PATCH("/events/" + event.id(),
                            Map.of("title", "Deep Learning Meetup #13 (moved)")))),
                    () -> exchange("GET /health", HttpRequest.GET("/health").bearerAuth(Tokens.of(Identity.admin("ops")))),
                    () -> exchange("GET /health/readiness", HttpRequest.GET("/health/readiness").bearerAuth(Tokens.of(Identity.admin("ops")))),
                    () -> exchange("GET /health/liveness", HttpRequest.GET("/health/liveness"))));
            Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(cutAt + OUTAGE.toNanos() - System.nanoTime())));
        } finally {
            database.restore();
        }
        long restoredAt = System.nanoTime();

        Answer slowest = answers.stream().max(Comparator.comparing(Answer::took)).orElseThrow();
        LOG.info("During the {} s outage: {} answers, slowest {} ms ({}); per request: {}", OUTAGE.toSeconds(), answers.size(),
                slowest.took().toMillis(), slowest.what(), answers.stream().collect(Collectors.groupingBy(Answer::what,
                        TreeMap::new, Collectors.mapping(a -> a.status() + "/" + a.took().toMillis() + "ms", Collectors.toList()))));
        assertThat(answers).extracting(Answer::what).contains("GET /events/{id}", "POST /events/{id}/registrations",
                "PATCH /events/{id}", "GET /health", "GET /health/readiness", "GET /health/liveness");
        for (Answer answer : answers) {
            assertThat(answer.took()).as("%s answered within the issue's bound", answer).isLessThan(ANSWER_BOUND);
            if (answer.what().equals("GET /health/liveness")) {
                // Alive: an orchestrator must not restart the service for an outage of its database.
                assertThat(answer.status()).as("%s", answer).isEqualTo(200);
                continue;
            }
            assertThat(answer.status()).as("%s", answer).isEqualTo(503);
            if (answer.what().startsWith("GET /health")) {
                assertThat(answer.body().get("status")).as("%s", answer).isEqualTo("DOWN");
                assertThat(status(details(answer.body()).get("jdbc"))).as("%s", answer).isEqualTo("DOWN");
            } else {
                assertThat(answer.contentType()).as("%s", answer).isEqualTo("application/problem+json");
                assertThat(answer.body().get("type")).as("%s", answer).isEqualTo("https://podium.dev/problems/service-unavailable");
                assertThat(answer.body().get("status")).as("%s", answer).isEqualTo(503);
                assertThat(answer.retryAfter()).as("%s", answer).isEqualTo("5");
            }
        }

        // Recovers by itself: no restart, nothing done to the service.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> exchange("GET /events/{id}", HttpRequest.GET("/events/" + event.id())).status() == 200);
        LOG.info("Public API answering again {} ms after the database came back",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restoredAt));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> exchange("GET /health", HttpRequest.GET("/health").bearerAuth(Tokens.of(Identity.admin("ops")))).status() == 200);
        Map<String, Object> health = exchange("GET /health", HttpRequest.GET("/health").bearerAuth(Tokens.of(Identity.admin("ops")))).body();
        assertThat(health.get("status")).isEqualTo("UP");
        assertThat(status(details(health).get("jdbc"))).isEqualTo("UP");

        // The message that came during the outage is applied once the database is back, not dead-lettered.
        await().atMost(Duration.ofSeconds(60)).until(() -> acceptedTalks.existsById(talk.submissionId()));
        LOG.info("TalkAccepted published during the outage applied {} ms after the database came back",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restoredAt));
        try (TopicReader deadLetters = TopicReader.fromBeginning(Topics.deadLetter(Topics.SUBMISSIONS))) {
            assertThat(deadLetters.drain(r -> talk.submissionId().equals(r.key()), Duration.ofSeconds(3))).isEmpty();
        }

        // The refused writes left nothing behind; what was there before is still there.
        assertThat(api.registrations(event.id())).extracting(RegistrationView::email).containsExactly("ada@example.org");
        assertThat(api.get(event.id()).title()).isEqualTo("Deep Learning Meetup #13");
        assertThat(api.get(event.id()).confirmed()).isEqualTo(1);

        // The client retries: both writes now take effect, once, and their messages go out.
        HttpResponse<RegistrationView> retried = api.rsvp(event.id(), "Grace Hopper", "grace@example.org");
        assertThat(retried.code()).as("a new RSVP, not one half-written during the outage").isEqualTo(201);
        assertThat(retried.body().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(api.patch(event.id(), Map.of("title", "Deep Learning Meetup #13 (moved)")).title())
                .isEqualTo("Deep Learning Meetup #13 (moved)");
        assertThat(api.registrations(event.id())).extracting(RegistrationView::id).containsExactly(before.id(), retried.body().id());
        assertThat(api.rsvpMessage(RegistrationConfirmed.class, event.id(), retried.body().id())
                .registration().attendee().email()).isEqualTo("grace@example.org");
        assertThat(api.message(Topics.EVENTS, EventUpdated.class, event.id()).event().title())
                .isEqualTo("Deep Learning Meetup #13 (moved)");
    }

    /**
     * Sends each request over and over, all in parallel, while the database is away; a request is
     * started only if its answer, within the bound, is due before the database comes back.
     */
    private List<Answer> duringTheOutage(long cutAt, List<Supplier<Answer>> requests) throws Exception {
        long lastStart = cutAt + OUTAGE.minus(ANSWER_BOUND).toNanos();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Supplier<Answer> request : requests) {
                running.add(threads.submit(() -> {
                    do {
                        answers.add(request.get());
                        Thread.sleep(PAUSE_BETWEEN_REQUESTS.toMillis());
                    } while (System.nanoTime() < lastStart);
                    return null;
                }));
            }
            for (Future<?> done : running) {
                done.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return List.copyOf(answers);
    }

    private Answer exchange(String what, MutableHttpRequest<?> request) {
        long start = System.nanoTime();
        HttpResponse<?> response;
        try {
            response = client.toBlocking().exchange(request, JSON, JSON);
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Answer(what, response.code(), response.getContentType().map(Object::toString).orElse(""),
                response.getHeaders().get("Retry-After"), response.getBody(JSON).orElse(Map.of()), took);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> health) {
        return (Map<String, Object>) health.getOrDefault("details", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Object status(Object indicator) {
        return indicator instanceof Map<?, ?> map ? ((Map<String, Object>) map).get("status") : null;
    }

    private record Answer(String what, int status, String contentType, String retryAfter, Map<String, Object> body,
                          Duration took) {
        @Override
        public String toString() {
            return what + " -> " + status + " in " + took.toMillis() + " ms";
        }
    }
}
