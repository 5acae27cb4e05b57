package dev.podium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.Map;
import java.util.Optional;

/**
 * An error answer as a test sees it: status, the problem+json {@code type} and the whole body.
 * {@code ProblemResponse.of(() -> http.toBlocking().exchange(...))} fails the test if the call succeeded.
 */
public record ProblemResponse(int status, String contentType, Map<String, Object> body) {

    public static ProblemResponse of(Runnable call) {
        try {
            call.run();
        } catch (HttpClientResponseException e) {
            HttpResponse<?> response = e.getResponse();
            Optional<Map<String, Object>> body = response.getBody(Argument.mapOf(String.class, Object.class));
            return new ProblemResponse(response.code(), response.getContentType().map(Object::toString).orElse(""),
                    body.orElse(Map.of()));
        }
        return fail("expected an error answer, the call succeeded");
    }

    /** The problem type without the common prefix, e.g. "slot-overlap"; "about:blank" for framework errors. */
    public String type() {
        String type = String.valueOf(body.getOrDefault("type", "about:blank"));
        return type.startsWith("https://podium.dev/problems/") ? type.substring("https://podium.dev/problems/".length()) : type;
    }

    public ProblemResponse assertProblem(int expectedStatus, String expectedType) {
        assertThat(contentType).as("content type of %s", body).isEqualTo("application/problem+json");
        assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
        assertThat(body.get("status")).as("RFC 9457 status member of %s", body).isEqualTo(expectedStatus);
        assertThat(type()).as("type of %s", body).isEqualTo(expectedType);
        return this;
    }

    public ProblemResponse assertStatus(int expectedStatus) {
        assertThat(contentType).as("content type of %s", body).isEqualTo("application/problem+json");
        assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
        return this;
    }
}
