package dev.podium.events.support;

import java.util.UUID;

/** Opaque, unguessable identifiers. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
