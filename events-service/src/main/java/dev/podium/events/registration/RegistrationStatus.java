package dev.podium.events.registration;

public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
