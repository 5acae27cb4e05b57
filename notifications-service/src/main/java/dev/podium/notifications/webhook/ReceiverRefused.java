package dev.podium.notifications.webhook;

/** A receiver URL Podium will not call: not https in production, or on an address that is not public. */
final class ReceiverRefused extends Exception {

    ReceiverRefused(String reason) {
        super(reason);
    }
}
