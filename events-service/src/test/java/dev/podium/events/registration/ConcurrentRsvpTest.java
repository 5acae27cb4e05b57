package dev.podium.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.MessageCodec;
import dev.podium.events.EventsApi;
import dev.podium.events.event.EventView;
import dev.podium.testsupport.RealServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Capacity and uniqueness hold under concurrent RSVPs, also from two application instances. */
@MicronautTest(transactional = false)
class ConcurrentRsvpTest implements RealServers {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;
    @Inject
    ApplicationContext context;

    EventsApi api;

    @BeforeAll
    void api() {
        api = new EventsApi(client.toBlocking(), codec);
    }

    @Test
    void twoHundredSimultaneousRsvpsFillFiftySeatsAndTenCancellationsPromoteTenInOrder() throws Exception {
        EventView event = publishedEvent(50);

        runConcurrently(IntStream.range(0, 200).mapToObj(i -> (Callable<Object>) () ->
                api.rsvp(event.id(), "Attendee " + i, "attendee-" + i + "@example.org")).toList());

        List<RegistrationView> arrivals = api.registrations(event.id());
        assertThat(arrivals).hasSize(200);
        assertThat(arrivals.stream().filter(r -> r.status() == RegistrationStatus.CONFIRMED)).hasSize(50);
        assertThat(arrivals.stream().filter(r -> r.status() == RegistrationStatus.WAITLISTED)).hasSize(150);
        assertThat(arrivals.subList(0, 50)).as("the first fifty to arrive hold the seats")
                .allMatch(r -> r.status() == RegistrationStatus.CONFIRMED);

        List<String> firstTenWaitlisted = arrivals.subList(50, 60).stream().map(RegistrationView::id).toList();
        runConcurrently(arrivals.subList(0, 10).stream().map(r -> (Callable<Object>) () ->
                api.cancelRsvp(event.id(), r.id())).toList());

        List<RegistrationView> after = api.registrations(event.id());
        assertThat(after.stream().filter(r -> r.status() == RegistrationStatus.CONFIRMED)).hasSize(50);
        assertThat(after.stream().filter(r -> r.status() == RegistrationStatus.WAITLISTED)).hasSize(140);
        assertThat(after.stream().filter(r -> r.status() == RegistrationStatus.CONFIRMED && r.promotedAt() != null)
                .map(RegistrationView::id)).containsExactlyInAnyOrderElementsOf(firstTenWaitlisted);
    }

    @Test
    void capacityHoldsWithTwoInstancesOnOneDatabase() throws Exception {
        EventView event = publishedEvent(30);
        Map<String, Object> properties = new HashMap<>(context.getProperties("datasources.default").entrySet().stream()
                .collect(HashMap::new, (m, e) -> m.put("datasources.default." + e.getKey(), e.getValue()), HashMap::putAll));
        properties.put("kafka.bootstrap.servers", context.getRequiredProperty("kafka.bootstrap.servers", String.class));
        for (String inherited : List.of("podium.rate-limits.public-writes.requests",
                "micronaut.security.token.jwt.signatures.jwks.podium.url", "micronaut.security.token.jwt.claims-validators.issuer",
                "micronaut.security.token.jwt.claims-validators.audience", "podium.development")) {
            properties.put(inherited, context.getRequiredProperty(inherited, String.class));
        }
        properties.put("podium.kafka.consumer-group", context.getRequiredProperty("podium.kafka.consumer-group", String.class) + "-second");
        properties.put("micronaut.server.port", -1);

        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             HttpClient secondClient = HttpClient.create(second.getURL())) {
            EventsApi secondApi = new EventsApi(secondClient.toBlocking(), codec);
            List<Callable<Object>> rsvps = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                EventsApi instance = i % 2 == 0 ? api : secondApi;
                int n = i;
                rsvps.add(() -> instance.rsvp(event.id(), "Attendee " + n, "twin-" + n + "@example.org"));
                rsvps.add(() -> instance.rsvp(event.id(), "Attendee " + n, "twin-" + n + "@example.org"));
            }
            runConcurrently(rsvps);
        }

        List<RegistrationView> registrations = api.registrations(event.id());
        assertThat(registrations).as("each address once, though each RSVP'd twice").hasSize(100);
        assertThat(registrations.stream().filter(r -> r.status() == RegistrationStatus.CONFIRMED)).hasSize(30);
        assertThat(registrations.stream().filter(r -> r.status() == RegistrationStatus.WAITLISTED)).hasSize(70);
    }

    private EventView publishedEvent(int capacity) {
        String group = api.createGroup(EventsApi.unique("rush"), "Europe/Paris").slug();
        EventView event = api.draft(group, Map.of("title", "Popular meetup", "startsAt", "2029-03-07T19:00:00",
                "endsAt", "2029-03-07T22:00:00", "capacity", capacity));
        return api.publish(event.id());
    }

    private static void runConcurrently(List<Callable<Object>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            for (Future<Object> result : pool.invokeAll(calls)) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
