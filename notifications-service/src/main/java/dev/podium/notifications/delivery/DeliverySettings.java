package dev.podium.notifications.delivery;

import java.time.Duration;

/** How the loop sends: provided by the channel's configuration (its keys are the channel's). */
public interface DeliverySettings {

    /** Sends in flight at once. */
    int getParallelism();

    /** Messages per second across this replica's senders; 0 sends as fast as the channel accepts. */
    int getRatePerSecond();

    /** Attempts before a delivery that keeps failing transiently is declared dead. */
    int getMaxAttempts();

    /** The first retry's delay, doubled for each later one. */
    Duration getRetryDelay();

    Duration getMaxRetryDelay();

    /** How long a claimed delivery stays with its sender; a crashed sender's claims are retaken after it. */
    Duration getLease();

    /** How often senders look for due deliveries when there were none. */
    Duration getPollInterval();

    /** False stops this replica from sending (it still records notifications). */
    boolean isSending();
}
