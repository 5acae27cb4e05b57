package dev.podium.contracts;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes messages as CloudEvents 1.0 structured JSON and reads them back.
 */
public class MessageCodec {

    private final JsonMapper jsonMapper;

    public MessageCodec(JsonMapper jsonMapper) {
        this.jsonMapper = Objects.requireNonNull(jsonMapper);
    }

    /**
     * @param source the producing service, e.g. {@code /podium/events-service}
     * @param id     the message id consumers deduplicate on
     * @param time   when the change happened
     * @throws IllegalArgumentException when the message's class is not in the {@link MessageCatalog}
     */
    public String encode(PodiumMessage message, String source, UUID id, Instant time) {
        return encode(message, source, id, time, Causality.NONE);
    }

    /** The same, carrying the message's {@link Causality} in the envelope's extension attributes. */
    public String encode(PodiumMessage message, String source, UUID id, Instant time, Causality causality) {
        return encode(message, source, id, time, causality, TraceContext.NONE);
    }

    /** The same, carrying the trace of the change that wrote it (the distributed-tracing extension). */
    public String encode(PodiumMessage message, String source, UUID id, Instant time, Causality causality, TraceContext trace) {
        MessageType<?> type = MessageCatalog.byClass(message.getClass());
        try {
            JsonNode data = jsonMapper.writeValueToTree(message);
            StreamVersion advances = causality.advances();
            CloudEvent envelope = new CloudEvent(CloudEvent.SPEC_VERSION, id.toString(), source, type.type(),
                    message.subject(), time, CloudEvent.JSON, data,
                    advances == null ? null : advances.stream(), advances == null ? null : advances.version(),
                    causality.afterAttribute(), trace.traceparent(), trace.tracestate());
            return jsonMapper.writeValueAsString(envelope);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode " + type.type(), e);
        }
    }

    /**
     * @throws UnreadableMessageException when {@code json} is not a CloudEvents 1.0 envelope carrying
     *                                    a message of a type in the {@link MessageCatalog}
     */
    public DecodedMessage decode(String json) {
        CloudEvent envelope = readEnvelope(json);
        MessageType<?> type = MessageCatalog.byType(envelope.type())
                .orElseThrow(() -> unreadable(envelope, "unknown type"));
        try {
            return new DecodedMessage(envelope, jsonMapper.readValueFromTree(envelope.data(), type.javaType()));
        } catch (IOException | RuntimeException e) {
            throw unreadable(envelope, "unreadable data: " + e.getMessage(), e);
        }
    }

    private CloudEvent readEnvelope(String json) {
        CloudEvent envelope;
        try {
            envelope = json == null ? null : jsonMapper.readValue(json, CloudEvent.class);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableMessageException("Not a CloudEvents JSON envelope: " + e.getMessage(), e);
        }
        if (envelope == null) {
            throw new UnreadableMessageException("Empty message");
        }
        if (!CloudEvent.SPEC_VERSION.equals(envelope.specversion())) {
            throw unreadable(envelope, "specversion " + envelope.specversion() + " is not " + CloudEvent.SPEC_VERSION);
        }
        if (isBlank(envelope.id()) || isBlank(envelope.type()) || isBlank(envelope.source())) {
            throw unreadable(envelope, "id, source and type are required");
        }
        if (envelope.datacontenttype() != null && !envelope.datacontenttype().startsWith(CloudEvent.JSON)) {
            throw unreadable(envelope, "datacontenttype " + envelope.datacontenttype() + " is not JSON");
        }
        if (envelope.data() == null || !envelope.data().isObject()) {
            throw unreadable(envelope, "data must be a JSON object");
        }
        envelope.causality();
        return envelope;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static UnreadableMessageException unreadable(CloudEvent envelope, String reason) {
        return unreadable(envelope, reason, null);
    }

    private static UnreadableMessageException unreadable(CloudEvent envelope, String reason, Throwable cause) {
        return new UnreadableMessageException(
                "Message " + envelope.id() + " of type " + envelope.type() + ": " + reason, cause);
    }
}
