package dev.podium.calendar;

/** The iTIP method (RFC 5546) of a calendar document: what its receiver is asked to do with it. */
public enum CalendarMethod {
    /** A feed or a download: the receiver shows the events as they are. */
    PUBLISH,
    /** An invitation sent to an attendee. */
    REQUEST,
    /** A cancellation: the receiver removes the event (its STATUS is CANCELLED). */
    CANCEL
}
