package dev.podium.messaging.tracing;

import io.micronaut.tracing.opentelemetry.OpenTelemetryBuilderCustomizer;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * An OTLP endpoint ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, or {@code otel.exporter.otlp.endpoint}) turns
 * the OTLP exporter on: one setting, the collector's address, rather than two (Micronaut's default
 * exporter is {@code none}). {@code OTEL_TRACES_EXPORTER} set to anything but {@code none} still wins.
 * Without an endpoint, {@link TracingOff} replaces the whole SDK.
 */
@Singleton
class TracingSwitch implements OpenTelemetryBuilderCustomizer {

    @Override
    public void configure(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        builder.addPropertiesCustomizer(config -> {
            boolean endpointSet = config.getString("otel.exporter.otlp.endpoint") != null
                    || config.getString("otel.exporter.otlp.traces.endpoint") != null;
            boolean noExporter = "none".equals(config.getString("otel.traces.exporter", "none"));
            return endpointSet && noExporter ? Map.of("otel.traces.exporter", "otlp") : Map.of();
        });
    }
}
