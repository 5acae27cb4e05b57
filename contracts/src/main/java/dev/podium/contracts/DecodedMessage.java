package dev.podium.contracts;

/**
 * A decoded envelope with its data bound to the record registered for its type.
 */
public record DecodedMessage(CloudEvent envelope, PodiumMessage data) {

    /** The data as {@code type}; throws {@link ClassCastException} when it is another message. */
    public <T extends PodiumMessage> T dataAs(Class<T> type) {
        return type.cast(data);
    }
}
