package dev.podium.messaging.tracing;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * {@code %traceId} in a logback pattern: " trace=<id>" for a line logged while a traced request or message
 * is being handled, nothing otherwise. It reads the current span when the line is logged, so it follows
 * the request across Micronaut's threads as the trace does (no MDC to copy).
 */
public class TraceIdConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? " trace=" + span.getTraceId() : "";
    }
}
