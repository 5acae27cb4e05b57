package dev.podium.contracts.events;

/** How a member came into a group: by joining, or imported by an organiser. */
public enum MembershipSource { JOINED, IMPORTED }
