package dev.podium.api;

import java.util.Map;
import io.micronaut.http.HttpStatus;

/** 404: no such resource, or one the caller may not know exists. */
public final class NotFound extends PodiumProblem {

    public NotFound(String resource, String id) {
        super("not-found", "Not found", HttpStatus.NOT_FOUND, "No " + resource + " with id " + id,
                Map.of("resource", resource, "id", id));
    }
}
