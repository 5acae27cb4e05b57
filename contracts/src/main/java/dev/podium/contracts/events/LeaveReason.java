package dev.podium.contracts.events;

/** Why a member left a group; ERASED when the person asked for their data to be erased. */
public enum LeaveReason { LEFT, UNSUBSCRIBED, REMOVED, ERASED }
