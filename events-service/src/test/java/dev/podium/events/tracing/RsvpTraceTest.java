package dev.podium.events.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.TraceContext;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.events.EventsApi;
import dev.podium.events.event.EventView;
import dev.podium.events.registration.RegistrationView;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TopicReader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * An RSVP made with a W3C {@code traceparent} is one trace in events-service: the HTTP request's span
 * continues the caller's, the RSVP's message carries it through the outbox, and the relay's send is a
 * span of it. (notifications-service's side: its consumer and SMTP spans, in its own test.)
 */
@MicronautTest(transactional = false)
class RsvpTraceTest implements RealServers {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MessageCodec codec;

    @MockBean(SpanProcessor.class)
    SpanProcessor keptInMemory() {
        return SimpleSpanProcessor.create(spans);
    }

    @Test
    void anRsvpWithATraceparentIsOneTraceFromTheRequestThroughTheOutboxToKafka() {
        EventsApi api = new EventsApi(client.toBlocking(), codec);
        String slug = api.createGroup(EventsApi.unique("traced"), "Europe/Paris").slug();
        EventView event = api.publish(api.draft(slug, Map.of("title", "Traced meetup", "startsAt", "2029-03-07T19:00:00",
                "endsAt", "2029-03-07T22:00:00", "venueId", api.createVenue(10).id())).id());

        RegistrationView rsvp = client.toBlocking().retrieve(HttpRequest.POST("/events/" + event.id() + "/registrations",
                        Map.of("name", "Ada Lovelace", "email", EventsApi.unique("ada") + "@example.org"))
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01"), RegistrationView.class);

        SpanData request = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(TRACE_ID))
                .findFirst().orElseThrow(() -> new AssertionError("no server span in the caller's trace: " + spans.getFinishedSpanItems()));
        assertThat(request.getParentSpanId()).isEqualTo(CALLER_SPAN);

        DecodedMessage confirmed = confirmation(event.id(), rsvp.id());
        assertThat(TraceContext.of(confirmed.envelope()).traceparent())
                .as("the RSVP's message carries the request's span through the outbox")
                .isEqualTo("00-" + TRACE_ID + "-" + request.getSpanId() + "-01");

        SpanData send = await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.PRODUCER && span.getTraceId().equals(TRACE_ID))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(send.getName()).isEqualTo(Topics.REGISTRATIONS + " publish");
        assertThat(send.getParentSpanId()).isEqualTo(request.getSpanId());
    }

    private DecodedMessage confirmation(String eventId, String registrationId) {
        try (TopicReader reader = TopicReader.fromBeginning(Topics.REGISTRATIONS)) {
            List<ConsumerRecord<String, String>> records = reader.await(record -> eventId.equals(record.key())
                    && codec.decode(record.value()).data() instanceof RegistrationConfirmed confirmed
                    && confirmed.registration().registrationId().equals(registrationId), 1, Duration.ofSeconds(30));
            return codec.decode(records.get(0).value());
        }
    }
}
