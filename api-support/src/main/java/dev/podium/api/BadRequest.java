package dev.podium.api;

import java.util.Map;
import io.micronaut.http.HttpStatus;

/** 400: input the API cannot read (an unknown time zone, a malformed CSV line …). */
public final class BadRequest extends PodiumProblem {

    public BadRequest(String kind, String title, String detail) {
        super(kind, title, HttpStatus.BAD_REQUEST, detail, Map.of());
    }
}
