package dev.podium.events.agenda;

public enum SlotKind {
    TALK, KEYNOTE, LIGHTNING, PRACTICAL, WORKSHOP, BREAK, SOCIAL
}
