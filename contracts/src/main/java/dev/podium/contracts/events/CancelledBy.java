package dev.podium.contracts.events;

/** Who cancelled a registration; EVENT_CANCELLED when the whole event was cancelled. */
public enum CancelledBy { ATTENDEE, ORGANISER, EVENT_CANCELLED }
