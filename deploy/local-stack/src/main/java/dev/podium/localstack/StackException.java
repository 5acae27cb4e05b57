package dev.podium.localstack;

/** A failure the launcher explains to the user in one message (no stack trace). */
final class StackException extends RuntimeException {

    StackException(String message) {
        super(message);
    }

    StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
