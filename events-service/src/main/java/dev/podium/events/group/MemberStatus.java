package dev.podium.events.group;

public enum MemberStatus {
    PENDING, ACTIVE, LEFT
}
