package dev.podium.contracts;

/**
 * A message carried in the {@code data} of a {@link CloudEvent}. Implementations are records whose
 * components are the message's JSON fields, registered in {@link MessageCatalog}.
 *
 * <p>Every record of the wire format, messages and the values inside them, is annotated
 * {@code @Serdeable @JsonInclude(ALWAYS) @JsonIgnoreProperties(ignoreUnknown = true)}: the JSON then
 * does not depend on a service's {@code micronaut.serde} settings, and consumers built against an older
 * version of this module read messages carrying fields added since.
 */
public interface PodiumMessage {

    /** The id of the aggregate the message is about: the CloudEvents {@code subject} and the Kafka key. */
    String subject();
}
