package dev.podium.notifications.webhook;

/** A receiver that answered, but not with a 2xx. */
final class ReceiverFailure extends Exception {

    private final ReceiverResponse response;

    ReceiverFailure(ReceiverResponse response) {
        super("HTTP " + response.status() + (response.bodyStart().isBlank() ? "" : ": " + response.bodyStart().strip()));
        this.response = response;
    }

    ReceiverResponse response() {
        return response;
    }
}
