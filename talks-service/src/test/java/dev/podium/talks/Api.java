package dev.podium.talks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.devissuer.Identity;
import dev.podium.testsupport.Tokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Calls talks-service over HTTP and reads any answer, success or problem, as JSON maps; without a
 * token, or as someone ({@link #as(Identity)}).
 */
final class Api {

    private final BlockingHttpClient http;
    private final JsonMapper json;
    private final Identity identity;

    Api(HttpClient http, JsonMapper json) {
        this(http.toBlocking(), json, null);
    }

    private Api(BlockingHttpClient http, JsonMapper json, Identity identity) {
        this.http = http;
        this.json = json;
        this.identity = identity;
    }

    /** The same calls, with {@code who}'s bearer token. */
    Api as(Identity who) {
        return new Api(http, json, who);
    }

    /** A new person with an account creates their speaker profile (its email is the one of their token). */
    Fixtures.SpeakerAccount newSpeaker(Map<String, Object> profile) {
        Identity who = Fixtures.person((String) profile.get("name"), (String) profile.get("email"));
        return new Fixtures.SpeakerAccount(who, as(who).post("/speakers", profile).isOk(201).string("id"));
    }

    record Response(int status, String contentType, String text, Map<String, Object> body, String location,
                    HttpHeaders headers) {

        String header(String name) {
            return headers.get(name);
        }

        Object get(String field) {
            return body.get(field);
        }

        String string(String field) {
            return (String) body.get(field);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String field) {
            return (List<Map<String, Object>>) body.get(field);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String field) {
            return (Map<String, Object>) body.get(field);
        }

        /** Asserts a problem+json answer with this status and type {@code https://podium.dev/problems/<kind>}. */
        Response isProblem(int expectedStatus, String kind) {
            assertThat(status).as("status of %s", text).isEqualTo(expectedStatus);
            assertThat(contentType).as("content type of %s", text).startsWith("application/problem+json");
            assertThat(body.get("type")).as("type of %s", text).isEqualTo("https://podium.dev/problems/" + kind);
            return this;
        }

        /** Asserts a 400 bean-validation problem naming {@code field} among its violations. */
        Response isViolationOf(String field) {
            assertThat(status).as("status of %s", text).isEqualTo(400);
            assertThat(contentType).as("content type of %s", text).startsWith("application/problem+json");
            assertThat(text).as("violations of %s", text).contains(field);
            return this;
        }

        Response isOk(int expectedStatus) {
            assertThat(status).as("status of %s", text).isEqualTo(expectedStatus);
            return this;
        }
    }

    Response get(String uri) {
        return call(HttpRequest.GET(uri));
    }

    Response post(String uri, Object body) {
        return call(HttpRequest.POST(uri, body));
    }

    Response patch(String uri, Object body) {
        return call(HttpRequest.PATCH(uri, body));
    }

    Response put(String uri, Object body) {
        return call(HttpRequest.PUT(uri, body));
    }

    Response call(MutableHttpRequest<?> request) {
        if (request.getBody().isPresent() && request.getContentType().isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        Tokens.as(identity, request);
        try {
            HttpResponse<String> response = http.exchange(request, String.class);
            return response(response, response.getBody().orElse(""));
        } catch (HttpClientResponseException e) {
            HttpResponse<?> response = e.getResponse();
            return response(response, response.getBody(String.class).orElse(""));
        }
    }

    private Response response(HttpResponse<?> response, String text) {
        return new Response(response.code(), response.getContentType().map(MediaType::toString).orElse(""), text, parse(text),
                response.getHeaders().get("Location"), response.getHeaders());
    }

    private Map<String, Object> parse(String text) {
        if (text.isBlank() || !text.startsWith("{")) {
            return Map.of();
        }
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
