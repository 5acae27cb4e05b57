package dev.podium.pages;

import dev.podium.api.PodiumProblem;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** 400: the form's body is not valid {@code application/x-www-form-urlencoded}. */
final class MalformedForm extends PodiumProblem {

    MalformedForm() {
        super("malformed-form", "Malformed form", HttpStatus.BAD_REQUEST,
                "The form's body is not valid application/x-www-form-urlencoded (a % must be followed by two hex digits)",
                Map.of());
    }
}
