package dev.podium.talks.support;

import java.util.UUID;

/** Ids of talks-service's own rows: random UUIDs, opaque to clients. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
