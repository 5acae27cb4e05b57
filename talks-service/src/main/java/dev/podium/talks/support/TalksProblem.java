package dev.podium.talks.support;

import dev.podium.api.PodiumProblem;
import java.util.Map;
import io.micronaut.http.HttpStatus;

/**
 * The talks-service errors that api-support's NotFound/Conflict/RuleViolation/BadRequest cannot
 * express: a 404 with a kind of its own (a reference in a request body to something unknown) and
 * 410 for an expired invitation.
 */
public final class TalksProblem extends PodiumProblem {

    private TalksProblem(String kind, String title, HttpStatus status, String detail, Map<String, Object> parameters) {
        super(kind, title, status, detail, parameters);
    }

    /** 404 {@code unknown-<resource>}: the request names a {@code resource} that does not exist. */
    public static TalksProblem unknown(String resource, String id) {
        return new TalksProblem("unknown-" + resource, "Unknown " + resource, HttpStatus.NOT_FOUND,
                "No " + resource + " with id " + id, Map.of("resource", resource, "id", id));
    }

    /** 410 with the given kind: the thing existed but its time is over. */
    public static TalksProblem gone(String kind, String title, String detail) {
        return new TalksProblem(kind, title, HttpStatus.GONE, detail, Map.of());
    }
}
