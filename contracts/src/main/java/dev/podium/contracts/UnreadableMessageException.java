package dev.podium.contracts;

/**
 * A message that can never be decoded, however often it is retried: route it to the dead-letter topic.
 */
public class UnreadableMessageException extends RuntimeException {

    public UnreadableMessageException(String message) {
        super(message);
    }

    public UnreadableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
