package dev.podium.talks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.devissuer.Identity;
import dev.podium.talks.TalksFixtures.SeedTalk;
import dev.podium.talks.TalksFixtures.SpeakerAccount;
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
 * The talks-service API as the tests drive it: calls over HTTP and reads any answer, success or
 * problem, as JSON maps; without a token, or as someone ({@link #as(Identity)}).
 */
public final class TalksApi {

    private final BlockingHttpClient http;
    private final JsonMapper json;
    private final Identity identity;

    public TalksApi(HttpClient http, JsonMapper json) {
        this(http.toBlocking(), json, null);
    }

    private TalksApi(BlockingHttpClient http, JsonMapper json, Identity identity) {
        this.http = http;
        this.json = json;
        this.identity = identity;
    }

    /** The same calls, with {@code who}'s bearer token. */
    public TalksApi as(Identity who) {
        return new TalksApi(http, json, who);
    }

    /** A new person with an account creates their speaker profile (its email is the one of their token). */
    public SpeakerAccount newSpeaker(Map<String, Object> profile) {
        Identity who = TalksFixtures.person((String) profile.get("name"), (String) profile.get("email"));
        return new SpeakerAccount(who, as(who).post("/speakers", profile).isOk(201).string("id"));
    }

    /** The seed's speaker signs up and creates their profile. */
    public SpeakerAccount newSpeaker(SeedTalk seed) {
        return newSpeaker(TalksFixtures.speaker(seed.speaker(), seed.affiliation()));
    }

    /** {@code speaker} submits the seed's talk to the event (201). */
    public Response submit(SpeakerAccount speaker, String eventId, SeedTalk seed) {
        return as(speaker.identity()).post("/submissions",
                TalksFixtures.submission(speaker.id(), eventId, seed.title(), seed.abstractText())).isOk(201);
    }

    /**
     * An answer.
     *
     * @param body     the JSON object answered, empty for anything else
     * @param elements the JSON array of objects answered, empty for anything else
     */
    public record Response(int status, String contentType, String text, Map<String, Object> body,
                           List<Map<String, Object>> elements, String location, HttpHeaders headers) {

        public String header(String name) {
            return headers.get(name);
        }

        public Object get(String field) {
            return body.get(field);
        }

        public String string(String field) {
            return (String) body.get(field);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list(String field) {
            return (List<Map<String, Object>>) body.get(field);
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> map(String field) {
            return (Map<String, Object>) body.get(field);
        }

        /** Asserts a problem+json answer with this status and type {@code https://podium.dev/problems/<kind>}. */
        public Response isProblem(int expectedStatus, String kind) {
            assertThat(status).as("status of %s", text).isEqualTo(expectedStatus);
            assertThat(contentType).as("content type of %s", text).startsWith("application/problem+json");
            assertThat(body.get("type")).as("type of %s", text).isEqualTo("https://podium.dev/problems/" + kind);
            return this;
        }

        /** Asserts a 400 bean-validation problem naming {@code field} among its violations. */
        public Response isViolationOf(String field) {
            assertThat(status).as("status of %s", text).isEqualTo(400);
            assertThat(contentType).as("content type of %s", text).startsWith("application/problem+json");
            assertThat(text).as("violations of %s", text).contains(field);
            return this;
        }

        public Response isOk(int expectedStatus) {
            assertThat(status).as("status of %s", text).isEqualTo(expectedStatus);
            return this;
        }
    }

    public Response get(String uri) {
        return call(HttpRequest.GET(uri));
    }

    public Response post(String uri, Object body) {
        return call(HttpRequest.POST(uri, body));
    }

    public Response patch(String uri, Object body) {
        return call(HttpRequest.PATCH(uri, body));
    }

    public Response put(String uri, Object body) {
        return call(HttpRequest.PUT(uri, body));
    }

    public Response call(MutableHttpRequest<?> request) {
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
        return new Response(response.code(), response.getContentType().map(MediaType::toString).orElse(""), text,
                text.startsWith("{") ? parse(text, Argument.mapOf(String.class, Object.class)) : Map.of(),
                text.startsWith("[{") || text.equals("[]")
                        ? parse(text, Argument.listOf(Argument.mapOf(String.class, Object.class))) : List.of(),
                response.getHeaders().get("Location"), response.getHeaders());
    }

    private <T> T parse(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
