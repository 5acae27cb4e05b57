package dev.podium.api;

import java.util.Map;
import io.micronaut.http.HttpStatus;

/** 409: the request clashes with the current state (a duplicate, or a state that forbids it). */
public final class Conflict extends PodiumProblem {

    public Conflict(String kind, String title, String detail) {
        super(kind, title, HttpStatus.CONFLICT, detail, Map.of());
    }
}
