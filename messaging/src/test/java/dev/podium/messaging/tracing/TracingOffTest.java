package dev.podium.messaging.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.TraceContext;
import dev.podium.testsupport.RealServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Without an OTLP endpoint (or another exporter) tracing is off: spans are no-ops and messages carry no trace. */
@MicronautTest(transactional = false)
class TracingOffTest implements RealServers {

    @Inject
    OpenTelemetry openTelemetry;
    @Inject
    MessageTracing tracing;

    @Test
    void withNowhereToSendSpansNothingIsTraced() {
        Span span = openTelemetry.getTracer("test").spanBuilder("POST /erasures").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            assertThat(span.getSpanContext().isValid()).as("a no-op span").isFalse();
            assertThat(tracing.current()).isEqualTo(TraceContext.NONE);
        } finally {
            span.end();
        }
    }
}
