package dev.podium.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. Extension attributes are ignored.
 *
 * @param id      a UUID, unique per message: consumers deduplicate on it
 * @param source  the producing service, e.g. {@code /podium/events-service}
 * @param type    e.g. {@code podium.events.EventPublished}, see {@link MessageCatalog}
 * @param subject the aggregate id, equal to the Kafka key
 * @param time    when the change happened (UTC)
 * @param data    the message, as the JSON of its record
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        @Nullable String subject,
        @Nullable Instant time,
        @Nullable String datacontenttype,
        @Nullable JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
