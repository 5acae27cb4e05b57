package dev.podium.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.events.EventsApi;
import dev.podium.events.event.EventView;
import dev.podium.testsupport.RealServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The service commits RSVPs and dies before its relay sends their messages (the relay is switched
 * off to stand for the crash window). The next instance on the same database publishes them.
 */
class RsvpSurvivesCrashTest implements RealServers {

    @Test
    void rsvpsCommittedBeforeACrashReachTheTopicAfterRestart() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        List<String> registrationIds;

        properties.put("podium.outbox.relay.enabled", "false");
        try (EmbeddedServer crashing = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             HttpClient client = HttpClient.create(crashing.getURL())) {
            EventsApi api = new EventsApi(client.toBlocking(), crashing.getApplicationContext().getBean(MessageCodec.class));
            String group = api.createGroup(EventsApi.unique("crash"), "Europe/Paris").slug();
            EventView event = api.publish(api.draft(group, Map.of("title", "Meetup", "startsAt", "2029-03-07T19:00:00",
                    "endsAt", "2029-03-07T22:00:00")).id());
            registrationIds = IntStream.range(0, 5)
                    .mapToObj(i -> api.rsvp(event.id(), "Attendee " + i, "crash-" + i + "@example.org").body().id())
                    .toList();
        }

        properties.put("podium.outbox.relay.enabled", "true");
        try (EmbeddedServer restarted = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             HttpClient client = HttpClient.create(restarted.getURL())) {
            EventsApi api = new EventsApi(client.toBlocking(), restarted.getApplicationContext().getBean(MessageCodec.class));
            for (String id : registrationIds) {
                assertThat(api.message(Topics.REGISTRATIONS, RegistrationConfirmed.class, id).registration().registrationId())
                        .isEqualTo(id);
            }
        }
    }
}
