package dev.podium.events.event;

public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED, COMPLETED
}
