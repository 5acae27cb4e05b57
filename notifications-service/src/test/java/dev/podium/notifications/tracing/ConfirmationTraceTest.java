package dev.podium.notifications.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.Causality;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.Topics;
import dev.podium.contracts.TraceContext;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.EventPublished;
import dev.podium.contracts.events.EventRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.RegistrationConfirmed;
import dev.podium.contracts.events.RegistrationSnapshot;
import dev.podium.notifications.Fixtures;
import dev.podium.notifications.audience.Audience;
import dev.podium.testsupport.MailTestServer;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TestServers;
import dev.podium.testsupport.TopicWriter;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * notifications-service's side of an RSVP's trace: the RSVP's message, carrying the trace of the request
 * that made it (events-service's side is its RsvpTraceTest), is consumed in a span of that trace, and the
 * confirmation's SMTP send is a span of it too, the trace's last.
 */
@MicronautTest(transactional = false)
class ConfirmationTraceTest implements RealServers {

    private static final String TRACE_ID = "5bf92f3577b34da6a3ce929d0e0e4737";
    private static final String WRITER_SPAN = "10f067aa0ba902b8";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final MailTestServer mail = TestServers.mail();

    @Inject
    MessageCodec codec;
    @Inject
    Audience audience;

    @MockBean(SpanProcessor.class)
    SpanProcessor keptInMemory() {
        return SimpleSpanProcessor.create(spans);
    }

    @Test
    void theConfirmationOfATracedRsvpIsConsumedAndSentInItsTrace() {
        String groupId = UUID.randomUUID().toString();
        TopicWriter.publish(codec, Fixtures.group(groupId, "en", Fixtures.address("orla")));
        EventSnapshot event = Fixtures.meetup13(UUID.randomUUID().toString(), groupId, List.of(Fixtures.address("s1"), Fixtures.address("s2"), Fixtures.address("s3")));
        TopicWriter.publish(codec, new EventPublished(event, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> audience.group(groupId).isPresent());

        String attendee = Fixtures.address("traced");
        RegistrationSnapshot registration = new RegistrationSnapshot(UUID.randomUUID().toString(), event.eventId(),
                new PersonRef(null, "Ada Lovelace", attendee), "CONFIRMED", Instant.now(), null,
                "https://podium.example/events/" + event.eventId() + "/registrations/r1?token=signed");
        RegistrationConfirmed confirmed = new RegistrationConfirmed(registration, ref(event, groupId));
        TopicWriter.publishRaw(Topics.REGISTRATIONS, event.eventId(), codec.encode(confirmed, "/podium/events-service",
                UUID.randomUUID(), Instant.now(), Causality.NONE, new TraceContext("00-" + TRACE_ID + "-" + WRITER_SPAN + "-01", null)));

        await().atMost(Duration.ofSeconds(30)).until(() -> !mail.messagesTo(attendee).isEmpty());

        SpanData consumed = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.CONSUMER && span.getTraceId().equals(TRACE_ID))
                .findFirst().orElseThrow(() -> new AssertionError("no consumer span in the RSVP's trace: " + spans.getFinishedSpanItems()));
        assertThat(consumed.getName()).isEqualTo(Topics.REGISTRATIONS + " process");
        assertThat(consumed.getParentSpanId()).isEqualTo(WRITER_SPAN);

        SpanData sent = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.CLIENT && span.getTraceId().equals(TRACE_ID))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(sent.getName()).isEqualTo("email send");
        assertThat(sent.getParentSpanId()).as("recorded while the message was consumed").isEqualTo(consumed.getSpanId());
    }

    private static EventRef ref(EventSnapshot event, String groupId) {
        return new EventRef(event.eventId(), groupId, event.groupSlug(), event.groupName(), event.language(), event.number(),
                event.title(), event.status(), event.startsAt(), event.endsAt(), event.timeZone(), event.startsAtUtc(),
                event.endsAtUtc(), event.venue(), event.sequence(), event.url());
    }
}
