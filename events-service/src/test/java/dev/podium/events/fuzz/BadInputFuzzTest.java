package dev.podium.events.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.MessageCodec;
import dev.podium.devissuer.Identity;
import dev.podium.events.EventsApi;
import dev.podium.events.event.EventView;
import dev.podium.events.registration.RegistrationView;
import dev.podium.testsupport.LogCapture;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.Tokens;
import dev.podium.testsupport.fuzz.FuzzReport;
import dev.podium.testsupport.fuzz.Fuzzer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * About 1,000 requests generated from events-service's own OpenAPI spec (fixed seed, so a failure
 * replays): random and boundary values, wrong types, huge strings, odd Unicode, SQL and HTML
 * injection, path traversal. Path parameters mostly name real groups, events, venues, RSVPs and
 * members, so requests reach real handlers. Nothing may answer 5xx or log an unhandled exception.
 */
@MicronautTest(transactional = false)
class BadInputFuzzTest implements RealServers {

    static final long SEED = 20_261_124L;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;

    @Test
    void generatedBadRequestsNeverGetA5xxNorLogAnUnhandledException() {
        Identity admin = Identity.admin(EventsApi.unique("fuzz-admin"));
        EventsApi api = new EventsApi(client.toBlocking(), codec, admin);
        String slug = api.createGroup(EventsApi.unique("fuzz"), "Europe/Paris").slug();
        String venueId = api.createVenue(2).id();
        List<String> eventIds = new ArrayList<>();
        List<String> registrationIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            EventView event = api.draft(slug, Map.of("title", "Fuzzed meetup #" + i, "startsAt", "2029-03-07T19:00:00",
                    "endsAt", "2029-03-07T22:00:00", "venueId", venueId));
            eventIds.add(event.id());
            if (i > 0) {
                api.publish(event.id());
                for (int r = 0; r < 3; r++) {
                    RegistrationView rsvp = api.rsvp(event.id(), "Attendee " + r, EventsApi.unique("attendee") + "@example.org").body();
                    registrationIds.add(rsvp.id());
                }
            }
        }
        String token = Tokens.of(admin);

        FuzzReport report;
        try (LogCapture logs = LogCapture.errorsAndExceptions()) {
            report = Fuzzer.forSpec("META-INF/swagger/podium-events-service-0.1.yml")
                    .knownValues("slug", List.of(slug))
                    .knownValues("id", eventIds)
                    .knownValues("eventId", eventIds)
                    .knownValues("registrationId", registrationIds)
                    .seed(SEED).requests(1_000)
                    .run(client.toBlocking(), () -> token);
            assertThat(logs.events()).as("errors and exceptions logged while fuzzing").isEmpty();
        }
        System.out.println("[fuzz] events-service: " + report);
        assertThat(report.serverErrors()).as(report.toString()).isEmpty();
        assertThat(report.noAnswers()).as(report.toString()).isEmpty();
        // The run must reach the handlers, not only bounce off validation.
        assertThat(report.successes()).as(report.toString()).isGreaterThan(100);
    }
}
