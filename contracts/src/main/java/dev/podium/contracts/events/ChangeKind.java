package dev.podium.contracts.events;

/** What an {@link EventUpdated} changed. */
public enum ChangeKind { TIME, VENUE, AGENDA, DETAILS, CAPACITY }
