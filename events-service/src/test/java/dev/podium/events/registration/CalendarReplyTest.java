package dev.podium.events.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.Topics;
import dev.podium.contracts.events.CancelledBy;
import dev.podium.contracts.events.RegistrationCancelled;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationWaitlisted;
import dev.podium.contracts.notifications.CalendarAnswer;
import dev.podium.contracts.notifications.CalendarReplyReceived;
import dev.podium.events.EventsApi;
import dev.podium.events.EventsServiceTest;
import dev.podium.events.event.EventView;
import dev.podium.testsupport.TestServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Answers from attendees' calendars, as notifications-service publishes them, become RSVPs and cancellations. */
@MicronautTest(transactional = false)
class CalendarReplyTest extends EventsServiceTest {

    @Test
    void aYesTakesAnRsvpByCapacityOnceAndANoCancelsIt() throws Exception {
        EventView event = publishedEvent(1);
        String ada = "ada-" + event.id() + "@example.org";
        String bob = "bob-" + event.id() + "@example.org";
        String yesFromAda = send(reply(event.id(), ada, "Ada Lovelace", CalendarAnswer.ACCEPTED));
        resend(event.id(), yesFromAda);
        send(reply(event.id(), ada, "Ada again", CalendarAnswer.ACCEPTED));
        send(reply(event.id(), bob, null, CalendarAnswer.ACCEPTED));

        List<RegistrationView> rsvps = await().atMost(Duration.ofSeconds(30)).until(() -> api.registrations(event.id()), list -> list.size() >= 2);
        assertThat(rsvps).as("one RSVP per address, whatever the duplicates").hasSize(2);
        assertThat(rsvps.get(0).email()).isEqualTo(ada);
        assertThat(rsvps.get(0).name()).isEqualTo("Ada Lovelace");
        assertThat(rsvps.get(0).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(rsvps.get(1).name()).as("no CN: the address's local part").isEqualTo("bob-" + event.id());
        assertThat(rsvps.get(1).status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(api.rsvpMessage(RegistrationConfirmed.class, event.id(), rsvps.get(0).id()).registration().attendee().email())
                .isEqualTo(ada);
        api.rsvpMessage(RegistrationWaitlisted.class, event.id(), rsvps.get(1).id());

        send(reply(event.id(), "nobody-" + event.id() + "@example.org", null, CalendarAnswer.DECLINED));
        send(reply(event.id(), ada, "Ada Lovelace", CalendarAnswer.DECLINED));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.registrations(event.id()).get(1).status() == RegistrationStatus.CONFIRMED);
        List<RegistrationView> after = api.registrations(event.id());
        assertThat(after).as("a No without an RSVP changes nothing").hasSize(2);
        assertThat(after.get(0).status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(api.rsvpMessage(RegistrationCancelled.class, event.id(), after.get(0).id()).cancelledBy())
                .isEqualTo(CancelledBy.ATTENDEE);
    }

    private EventView publishedEvent(int capacity) {
        String group = api.createGroup(EventsApi.unique("calendar-rsvp"), "Europe/Paris").slug();
        EventView event = api.draft(group, Map.of("title", "Calendar Meetup", "startsAt", "2029-03-07T19:00:00",
                "endsAt", "2029-03-07T22:00:00", "capacity", capacity));
        return api.publish(event.id());
    }

    private static CalendarReplyReceived reply(String eventId, String email, String name, CalendarAnswer answer) {
        return new CalendarReplyReceived(UUID.randomUUID().toString(), eventId, email, name, answer, NOW);
    }

    /** Publishes as notifications-service's relay does; returns the envelope sent. */
    private String send(CalendarReplyReceived reply) throws Exception {
        String json = codec.encode(reply, "/podium/notifications-service", UUID.randomUUID(), NOW);
        resend(reply.eventId(), json);
        return json;
    }

    private void resend(String key, String json) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CALENDAR_REPLIES, key, json)).get();
        }
    }
}
