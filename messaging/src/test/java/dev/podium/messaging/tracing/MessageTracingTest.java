package dev.podium.messaging.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.TraceContext;
import dev.podium.contracts.Topics;
import dev.podium.messaging.Samples;
import dev.podium.messaging.inbox.InboxConsumer;
import dev.podium.messaging.inbox.MessageInbox;
import dev.podium.messaging.outbox.Outbox;
import dev.podium.persistence.Sql;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TopicReader;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One trace across the outbox: a change made inside a span is a span of its own (its transaction) and
 * writes a message that carries that span's W3C Trace Context; the relay's send and the consumer's work are spans of that trace, and what the
 * consumer writes in turn carries the consumer's span on.
 */
@MicronautTest(transactional = false)
@Property(name = "podium.test.spans", value = "memory")
class MessageTracingTest implements RealServers {

    @Inject
    OpenTelemetry openTelemetry;
    @Inject
    InMemorySpanExporter spans;
    @Inject
    Outbox outbox;
    @Inject
    MessageInbox inbox;
    @Inject
    MessageCodec codec;
    @Inject
    Sql sql;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    TracedWrites writes;

    @Test
    void aTracedChangesMessageIsRelayedAndConsumedInTheSameTraceAndCarriesItOn() {
        Span request = openTelemetry.getTracer("test").spanBuilder("POST /erasures").setSpanKind(SpanKind.SERVER).startSpan();
        UUID written;
        try (Scope ignored = request.makeCurrent()) {
            written = writes.erase(UUID.randomUUID() + "@example.org");
        } finally {
            request.end();
        }
        String traceId = request.getSpanContext().getTraceId();
        SpanData transaction = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("transaction TracedWrites.erase") && span.getTraceId().equals(traceId))
                .findFirst().orElseThrow();
        assertThat(transaction.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());

        ConsumerRecord<String, String> record = published(written);
        TraceContext carried = TraceContext.of(codec.decode(record.value()).envelope());
        assertThat(carried.traceparent()).isEqualTo("00-" + traceId + "-" + transaction.getSpanId() + "-01");

        SpanData send = await().atMost(Duration.ofSeconds(30)).until(() -> span(SpanKind.PRODUCER, written), Optional::isPresent).orElseThrow();
        assertThat(send.getName()).isEqualTo(Topics.PEOPLE + " publish");
        assertThat(send.getTraceId()).isEqualTo(traceId);
        assertThat(send.getParentSpanId()).isEqualTo(transaction.getSpanId());

        AtomicReference<UUID> writtenByTheConsumer = new AtomicReference<>();
        String name = "tracing-test-" + UUID.randomUUID();
        InboxConsumer consumer = inbox.consumer(name, Topics.PEOPLE,
                message -> writtenByTheConsumer.set(outbox.append(Samples.groupCreated(UUID.randomUUID().toString()))));
        assertThat(consumer.receive(record)).isTrue();

        SpanData consumed = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.CONSUMER)
                .filter(span -> name.equals(span.getAttributes().get(AttributeKey.stringKey("messaging.consumer.group.name"))))
                .findFirst().orElseThrow();
        assertThat(consumed.getName()).isEqualTo(Topics.PEOPLE + " process");
        assertThat(consumed.getTraceId()).isEqualTo(traceId);
        assertThat(consumed.getParentSpanId()).isEqualTo(transaction.getSpanId());
        assertThat(payloadTrace(writtenByTheConsumer.get()).traceparent())
                .as("what the consumer writes continues the trace from the consumer's span")
                .isEqualTo("00-" + traceId + "-" + consumed.getSpanId() + "-01");
    }

    @Test
    void aMessageWrittenOutsideATraceCarriesNone() {
        UUID written = transactions.executeWrite(status -> outbox.append(Samples.personErased(UUID.randomUUID() + "@example.org")));

        assertThat(payloadTrace(written)).isEqualTo(TraceContext.NONE);
        assertThat(TraceContext.of(codec.decode(published(written).value()).envelope())).isEqualTo(TraceContext.NONE);
    }

    private ConsumerRecord<String, String> published(UUID id) {
        try (TopicReader reader = TopicReader.fromBeginning(Topics.PEOPLE)) {
            List<ConsumerRecord<String, String>> records = reader.await(
                    r -> id.toString().equals(new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)),
                    1, Duration.ofSeconds(30));
            return records.get(0);
        }
    }

    private Optional<SpanData> span(SpanKind kind, UUID messageId) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == kind)
                .filter(span -> messageId.toString().equals(span.getAttributes().get(AttributeKey.stringKey("messaging.message.id"))))
                .findFirst();
    }

    private TraceContext payloadTrace(UUID messageId) {
        String payload = sql.one("SELECT payload FROM outbox WHERE message_id = ?", row -> row.getString(1), messageId.toString())
                .orElseThrow();
        return MessageTracing.inPayload(payload);
    }
}
