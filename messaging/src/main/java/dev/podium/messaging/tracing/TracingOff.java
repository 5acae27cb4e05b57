package dev.podium.messaging.tracing;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.tracing.opentelemetry.DefaultOpenTelemetryFactory;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.inject.Singleton;

/**
 * With nowhere to send spans (no OTLP endpoint, no exporter named, no span processor registered, as
 * tests do), tracing is off and costs nothing: the OpenTelemetry API's no-op instead of an SDK that
 * would still create, sample and drop a span per request and message. The HTTP filter's spans, the
 * outbox's trace attributes and the consumers' spans all become no-ops; no trace id is propagated.
 */
@Factory
class TracingOff {

    @Singleton
    @Replaces(bean = OpenTelemetry.class, factory = DefaultOpenTelemetryFactory.class)
    @Requires(missingProperty = "otel.exporter.otlp.endpoint")
    @Requires(missingProperty = "otel.exporter.otlp.traces.endpoint")
    @Requires(missingProperty = "otel.traces.exporter")
    @Requires(missingBeans = SpanProcessor.class)
    OpenTelemetry noTracing() {
        return OpenTelemetry.noop();
    }
}
