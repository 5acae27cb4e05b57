package dev.podium.contracts.notifications;

/** The answers of a calendar REPLY that change an RSVP (its PARTSTAT): ACCEPTED takes one, DECLINED cancels it. */
public enum CalendarAnswer { ACCEPTED, DECLINED }
