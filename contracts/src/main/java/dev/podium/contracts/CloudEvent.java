package dev.podium.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. Podium's extension attributes carry the
 * message's {@link Causality}; the distributed-tracing extension's {@code traceparent} (W3C Trace
 * Context) carries the trace of the change that wrote it, through the outbox, to its consumers;
 * other extension attributes are ignored.
 *
 * @param id      a UUID, unique per message: consumers deduplicate on it
 * @param source  the producing service, e.g. {@code /podium/events-service}
 * @param type    e.g. {@code podium.events.EventPublished}, see {@link MessageCatalog}
 * @param subject the aggregate id, equal to the Kafka key
 * @param time    when the change happened (UTC)
 * @param data    the message, as the JSON of its record
 * @param podiumstream  the stream this message is a change of ({@link Streams}), if any
 * @param podiumversion that stream's version after this change
 * @param podiumafter   space-separated {@code stream@version}s the consumer must know before acting on it
 * @param traceparent   the W3C {@code traceparent} of the span that wrote the message, if it was traced
 * @param tracestate    the W3C {@code tracestate} that came with it, if any
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        @Nullable String subject,
        @Nullable Instant time,
        @Nullable String datacontenttype,
        @Nullable JsonNode data,
        @Nullable String podiumstream,
        @Nullable Long podiumversion,
        @Nullable String podiumafter,
        @Nullable String traceparent,
        @Nullable String tracestate) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    /** An envelope without causality: a message that neither changes a stream nor waits for one. */
    public CloudEvent(String specversion, String id, String source, String type, @Nullable String subject,
                      @Nullable Instant time, @Nullable String datacontenttype, @Nullable JsonNode data) {
        this(specversion, id, source, type, subject, time, datacontenttype, data, null, null, null, null, null);
    }

    /**
     * @throws UnreadableMessageException when the causality attributes are malformed
     */
    public Causality causality() {
        try {
            StreamVersion advances = podiumstream == null || podiumversion == null ? null
                    : new StreamVersion(podiumstream, podiumversion);
            return new Causality(advances, Causality.parseAfter(podiumafter));
        } catch (IllegalArgumentException e) {
            throw new UnreadableMessageException("Message " + id + ": malformed causality attributes: " + e.getMessage(), e);
        }
    }
}
