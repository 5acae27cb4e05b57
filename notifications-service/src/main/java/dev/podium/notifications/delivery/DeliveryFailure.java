package dev.podium.notifications.delivery;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * A failed send as its channel reads it, with the other end's words ({@code reason}) to keep on the delivery.
 * {@code notSooner}, when the other end said how long to wait (an HTTP {@code Retry-After}), holds the
 * next attempt back at least that long, whatever the backoff says.
 */
public record DeliveryFailure(Kind kind, String reason, @Nullable Duration notSooner) {

    public enum Kind {
        /** Worth trying again later, with backoff; {@code DEAD} once the delivery has had its attempts. */
        RETRY_LATER,
        /**
         * The channel itself cannot be reached: retried like {@link #RETRY_LATER}, and claims pause
         * meanwhile so that the outage does not burn every waiting delivery's attempts.
         */
        CHANNEL_UNREACHABLE,
        /** Will not work later either: the delivery fails at once ({@code FAILED}). */
        PERMANENT
    }

    public static DeliveryFailure retryLater(String reason) {
        return new DeliveryFailure(Kind.RETRY_LATER, reason, null);
    }

    public static DeliveryFailure retryNotSooner(String reason, Duration notSooner) {
        return new DeliveryFailure(Kind.RETRY_LATER, reason, notSooner);
    }

    public static DeliveryFailure channelUnreachable(String reason) {
        return new DeliveryFailure(Kind.CHANNEL_UNREACHABLE, reason, null);
    }

    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(Kind.PERMANENT, reason, null);
    }
}
