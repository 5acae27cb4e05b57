package dev.podium.notifications.notification;

/** Deliveries of a notification were recorded; published in the recording transaction, heard after its commit. */
public record DeliveriesRecorded(String notificationId) {
}
