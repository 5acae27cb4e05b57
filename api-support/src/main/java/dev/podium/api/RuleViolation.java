package dev.podium.api;

import java.util.Map;
import io.micronaut.http.HttpStatus;

/** 422: well-formed input that breaks a domain rule (end before start, overlapping slots …). */
public final class RuleViolation extends PodiumProblem {

    public RuleViolation(String kind, String title, String detail) {
        super(kind, title, HttpStatus.UNPROCESSABLE_ENTITY, detail, Map.of());
    }

    public RuleViolation(String kind, String title, String detail, Map<String, Object> parameters) {
        super(kind, title, HttpStatus.UNPROCESSABLE_ENTITY, detail, parameters);
    }
}
