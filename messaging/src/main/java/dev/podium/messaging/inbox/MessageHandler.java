package dev.podium.messaging.inbox;

import dev.podium.contracts.DecodedMessage;

/** Applies one message's effect; runs inside the transaction that records the message as processed. */
@FunctionalInterface
public interface MessageHandler {

    void handle(DecodedMessage message);
}
