package dev.podium.contracts;

import io.micronaut.core.annotation.Nullable;

/**
 * The W3C Trace Context of the change that wrote a message, as the CloudEvents distributed-tracing
 * extension carries it: a consumer continues that trace. {@link #NONE} when nothing was traced.
 */
public record TraceContext(@Nullable String traceparent, @Nullable String tracestate) {

    public static final TraceContext NONE = new TraceContext(null, null);

    /** The trace a message's envelope carries. */
    public static TraceContext of(CloudEvent envelope) {
        return envelope.traceparent() == null ? NONE : new TraceContext(envelope.traceparent(), envelope.tracestate());
    }
}
