package dev.podium.messaging.tracing;

import dev.podium.contracts.TraceContext;
import io.micronaut.core.annotation.Nullable;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * One trace from a request to its last effect, across the outbox: the message written in a traced
 * change carries that change's W3C Trace Context in its envelope ({@link #current()}); the relay's
 * send and each consumer's work are spans of the same trace ({@link #relaying}, {@link #consuming}),
 * and whatever a consumer writes in turn carries the trace on. Without an exporter configured the
 * OpenTelemetry bean is a no-op and so is all of this.
 */
@Singleton
public class MessageTracing {

    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";
    private static final TextMapGetter<TraceContext> FROM_ENVELOPE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return java.util.List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(@Nullable TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return TRACEPARENT.equals(key) ? carrier.traceparent() : TRACESTATE.equals(key) ? carrier.tracestate() : null;
        }
    };

    private final TextMapPropagator propagator;
    private final Tracer tracer;

    MessageTracing(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer("dev.podium.messaging");
    }

    /** The trace of the work running now, for the envelope of a message it writes; {@link TraceContext#NONE} if untraced. */
    public TraceContext current() {
        if (!Span.current().getSpanContext().isValid()) {
            return TraceContext.NONE;
        }
        Map<String, String> headers = new HashMap<>(2);
        propagator.inject(Context.current(), headers, Map::put);
        return headers.get(TRACEPARENT) == null ? TraceContext.NONE : new TraceContext(headers.get(TRACEPARENT), headers.get(TRACESTATE));
    }

    /** A span for the relay's send of one message to {@code topic}, in the trace of the change that wrote it. */
    public Span relaying(String topic, String messageId, TraceContext written) {
        return tracer.spanBuilder(topic + " publish")
                .setParent(propagator.extract(Context.root(), written, FROM_ENVELOPE))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", messageId)
                .startSpan();
    }

    /** A span for {@code consumer}'s work on one message of {@code topic}, in the trace of the change that wrote it. */
    public Span consuming(String consumer, String topic, String messageId, TraceContext written) {
        return tracer.spanBuilder(topic + " process")
                .setParent(propagator.extract(Context.root(), written, FROM_ENVELOPE))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", messageId)
                .startSpan();
    }

    /**
     * A span for one attempt to deliver what a notification or webhook recorded to its recipient over
     * {@code channel} (an SMTP send, a webhook call), in the trace of the work that recorded it.
     */
    public Span delivering(String channel, TraceContext recorded) {
        return tracer.spanBuilder(channel + " send")
                .setParent(propagator.extract(Context.root(), recorded, FROM_ENVELOPE))
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("podium.delivery.channel", channel)
                .startSpan();
    }

    /** The trace context a stored envelope names, read from its JSON without decoding it (the relay sends the text as it is). */
    public static TraceContext inPayload(String payload) {
        // The envelope's own attributes follow its data, so the last occurrence is the envelope's, never the data's.
        String traceparent = lastStringAttribute(payload, TRACEPARENT);
        return traceparent == null ? TraceContext.NONE : new TraceContext(traceparent, lastStringAttribute(payload, TRACESTATE));
    }

    private static String lastStringAttribute(String json, String name) {
        String key = "\"" + name + "\":\"";
        int at = json.lastIndexOf(key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length();
        int end = json.indexOf('"', start);
        return end < 0 ? null : json.substring(start, end);
    }
}
