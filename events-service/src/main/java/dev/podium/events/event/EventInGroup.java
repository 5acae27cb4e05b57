package dev.podium.events.event;

import dev.podium.events.group.EventGroup;

/** An event with its group, read together: what an RSVP needs to know before it takes the event's lock. */
public record EventInGroup(Event event, EventGroup group) {
}
