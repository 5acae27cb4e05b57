package dev.podium.notifications.notification;

/** Where one recipient's copy of a notification stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt (the first, or a retry after a transient failure). */
    PENDING,
    /** Claimed by a sender until its lease ends; a crashed sender's claims are taken over after that. */
    SENDING,
    SENT,
    /** Refused for good by the SMTP server (5xx): the address is now suppressed. */
    FAILED,
    /** Still failing after the configured number of attempts; an operator may retry it. */
    DEAD,
    /** Not sent: the recipient opted out or the address is suppressed. */
    SKIPPED
}
