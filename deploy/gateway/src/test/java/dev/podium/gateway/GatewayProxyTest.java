package dev.podium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The gateway as a real HTTP server in front of three stub services (real HTTP servers too, see
 * {@link StubService}): each request reaches the service that owns its path with its method, path,
 * query, headers and body; X-Forwarded-* are appended; answers come back as the service gave them,
 * redirects unfollowed; bodies are streamed both ways; a service that is down gives 502 problem+json
 * until it is back; the gateway's own /health is not forwarded, nor the services' management
 * endpoints.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayProxyTest implements TestPropertyProvider {

    private static final int CHUNK = 64 * 1024;

    private StubService events;
    private StubService talks;
    private StubService notifications;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    EmbeddedServer gateway;

    @Override
    public Map<String, String> getProperties() {
        events = new StubService("events");
        talks = new StubService("talks");
        notifications = new StubService("notifications");
        return Map.of(
                "gateway.upstreams.events", events.url(),
                "gateway.upstreams.talks", talks.url() + "/",
                "gateway.upstreams.notifications", notifications.url(),
                "micronaut.server.port", "-1",
                "micronaut.server.max-request-size", "8MB");
    }

    @AfterAll
    void stopStubs() {
        events.close();
        talks.close();
        notifications.close();
    }

    @BeforeEach
    void forget() {
        events.forget();
        talks.forget();
        notifications.forget();
    }

    @Test
    void routesEveryPathToTheServiceThatOwnsIt() throws Exception {
        Map<String, StubService> owners = new java.util.LinkedHashMap<>();
        owners.put("/events/e1", events);
        owners.put("/events/e1/registrations/r1", events);
        owners.put("/events/e1/calendar.ics", events);
        owners.put("/events?group=paris&when=upcoming", events);
        owners.put("/groups/paris-dl", events);
        owners.put("/groups/paris-dl/members/m1/confirmation?token=abc", events);
        owners.put("/venues/v1", events);
        owners.put("/events/e1/cfp", talks);
        owners.put("/events/e1/submissions?status=SUBMITTED&sort=score", talks);
        owners.put("/events/e1/decisions/release", talks);
        owners.put("/groups/paris-dl/cfp", talks);
        owners.put("/groups/paris-dl/submissions", talks);
        owners.put("/talks?q=%C3%A9cole+normale&tag=a%2Bb", talks);
        owners.put("/talks/t1", talks);
        owners.put("/speakers/s1", talks);
        owners.put("/submissions/s1/materials", talks);
        owners.put("/invitations/tok-en_1/accept", talks);
        owners.put("/unsubscribe?token=x.y", notifications);
        owners.put("/notifications/n1/deliveries", notifications);
        owners.put("/assets/podium.css", notifications);
        owners.put("/swagger/podium-talks-service-0.1.yml", talks);
        owners.put("/swagger-ui/index.html", events);
        for (Map.Entry<String, StubService> entry : owners.entrySet()) {
            forget();
            HttpResponse<String> response = get(entry.getKey(), Map.of());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Stub")).as(entry.getKey()).contains(entry.getValue().name);
            StubService.Received received = entry.getValue().last();
            URI asked = URI.create(entry.getKey());
            assertThat(received.rawPath()).as(entry.getKey()).isEqualTo(asked.getRawPath());
            assertThat(received.rawQuery()).as("raw query of " + entry.getKey()).isEqualTo(asked.getRawQuery());
            for (StubService stub : List.of(events, talks, notifications)) {
                if (stub != entry.getValue()) {
                    assertThat(stub.received()).as(stub.name + " for " + entry.getKey()).isEmpty();
                }
            }
        }
    }

    @Test
    void forwardsMethodHeadersAndBody() throws Exception {
        String json = "{\"name\":\"Ada Lovelace – née Byron 🎉\",\"email\":\"ada@example.org\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gatewayUri("/events/e1/registrations"))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("Accept-Language", "fr-FR, fr;q=0.9")
                .header("Authorization", "Bearer a.b.c")
                .header("Cookie", "podium_lang=fr")
                .header("Origin", "http://podium.example")
                .header("X-Request-Id", "req-42")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        StubService.Received received = events.last();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.bodyText()).isEqualTo(json);
        assertThat(received.header("content-type")).isEqualTo("application/json; charset=utf-8");
        assertThat(received.header("content-length")).isEqualTo(Integer.toString(json.getBytes(StandardCharsets.UTF_8).length));
        assertThat(received.header("accept")).isEqualTo("application/json");
        assertThat(received.header("accept-language")).isEqualTo("fr-FR, fr;q=0.9");
        assertThat(received.header("authorization")).isEqualTo("Bearer a.b.c");
        assertThat(received.header("cookie")).isEqualTo("podium_lang=fr");
        assertThat(received.header("origin")).isEqualTo("http://podium.example");
        assertThat(received.header("x-request-id")).isEqualTo("req-42");
        // Host names the service, as any client of it would send; the host asked for is X-Forwarded-Host.
        assertThat(received.header("host")).isEqualTo("127.0.0.1:" + events.port());
        assertThat(received.header("x-forwarded-host")).isEqualTo("127.0.0.1:" + gateway.getPort());
        assertThat(received.header("x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(received.header("x-forwarded-proto")).isEqualTo("http");

        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            http.send(HttpRequest.newBuilder(gatewayUri("/events/e1/agenda"))
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"slots\":[]}"))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(events.last().method()).isEqualTo(method);
            assertThat(events.last().bodyText()).isEqualTo("{\"slots\":[]}");
        }
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(gatewayUri("/talks/t1"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(talks.last().method()).isEqualTo("HEAD");
    }

    @Test
    void appendsToForwardedHeadersAndDropsHopByHopOnes() {
        RawHttp.Answer answer = RawHttp.exchange(gateway.getPort(), """
                GET /groups/paris-dl HTTP/1.1
                Host: podium.example
                X-Forwarded-For: 203.0.113.7
                X-Forwarded-Host: www.podium.example
                X-Forwarded-Proto: https
                Connection: close
                Connection: X-Hop
                X-Hop: for this connection only
                Keep-Alive: timeout=5
                TE: trailers
                Proxy-Authorization: Basic Zm9vOmJhcg==
                X-Kept: end to end

                """);

        assertThat(answer.status()).isEqualTo(200);
        StubService.Received received = events.last();
        assertThat(received.header("x-forwarded-for")).isEqualTo("203.0.113.7, 127.0.0.1");
        assertThat(received.header("x-forwarded-host")).isEqualTo("www.podium.example, podium.example");
        assertThat(received.header("x-forwarded-proto")).isEqualTo("https, http");
        assertThat(received.header("host")).isEqualTo("127.0.0.1:" + events.port());
        assertThat(received.header("x-kept")).isEqualTo("end to end");
        assertThat(received.headers()).doesNotContainKeys("x-hop", "keep-alive", "te", "proxy-authorization");
    }

    @Test
    void passesAnswersThroughAsTheServiceGaveThem() throws Exception {
        events.on("/groups/paris-dl/members/m1/confirmation", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", "/groups/paris-dl?joined=1");
            exchange.getResponseHeaders().add("Set-Cookie", "a=1; Path=/; HttpOnly");
            exchange.getResponseHeaders().add("Set-Cookie", "b=2; Path=/");
            exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'self'");
            exchange.getResponseHeaders().add("Content-Type", "text/html;charset=utf-8");
            byte[] body = "<p>Confirmé</p>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(303, body.length);
            exchange.getResponseBody().write(body);
        });
        talks.on("/submissions/missing", exchange -> {
            byte[] body = "{\"type\":\"https://podium.dev/problems/not-found\",\"status\":404}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
        });
        notifications.on("/notifications/boom", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "5");
            exchange.sendResponseHeaders(503, -1);
        });

        HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(gatewayUri("/groups/paris-dl/members/m1/confirmation?token=t"))
                .POST(HttpRequest.BodyPublishers.ofString("")).header("Content-Type", "application/x-www-form-urlencoded").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(redirect.headers().firstValue("Location")).contains("/groups/paris-dl?joined=1");
        assertThat(redirect.headers().allValues("Set-Cookie")).containsExactly("a=1; Path=/; HttpOnly", "b=2; Path=/");
        assertThat(redirect.headers().firstValue("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(redirect.body()).isEqualTo("<p>Confirmé</p>");
        assertThat(events.received()).hasSize(1); // the redirect was not followed

        HttpResponse<String> missing = get("/submissions/missing", Map.of());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(missing.body()).contains("problems/not-found");

        HttpResponse<String> unavailable = get("/notifications/boom", Map.of());
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).contains("5");
    }

    @Test
    void streamsRequestBodiesToTheService() throws Exception {
        CountDownLatch firstChunkArrived = new CountDownLatch(1);
        events.on("/events/e1/upload", exchange -> {
            InputStream in = exchange.getRequestBody();
            byte[] first = in.readNBytes(1024);
            firstChunkArrived.countDown();
            MessageDigest digest = sha256();
            digest.update(first);
            long size = first.length;
            byte[] buffer = new byte[CHUNK];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
            byte[] answer = (size + " " + HexFormat.of().formatHex(digest.digest())).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        });
        byte[] body = new byte[6 * 1024 * 1024];
        new Random(17).nextBytes(body);
        boolean[] sawFirstChunkBeforeTheRest = new boolean[1];
        // The client sends the first 64 kB, then waits until the service has them before sending the rest:
        // a gateway that collected the whole body before forwarding it would never get there.
        SubmissionPublisher<ByteBuffer> chunks = new SubmissionPublisher<>();
        Thread sender = new Thread(() -> {
            try {
                while (chunks.getNumberOfSubscribers() == 0) { // submit() drops items nobody subscribed to yet
                    Thread.sleep(5);
                }
                chunks.submit(ByteBuffer.wrap(body, 0, CHUNK));
                sawFirstChunkBeforeTheRest[0] = firstChunkArrived.await(10, TimeUnit.SECONDS);
                for (int offset = CHUNK; offset < body.length; offset += CHUNK) {
                    chunks.submit(ByteBuffer.wrap(body, offset, Math.min(CHUNK, body.length - offset)));
                }
                chunks.close();
            } catch (InterruptedException e) {
                chunks.closeExceptionally(e);
            }
        });
        sender.start();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gatewayUri("/events/e1/upload"))
                .POST(HttpRequest.BodyPublishers.fromPublisher(chunks)).header("Content-Type", "application/octet-stream").build(),
                HttpResponse.BodyHandlers.ofString());
        sender.join();

        assertThat(sawFirstChunkBeforeTheRest[0]).as("the service had the first chunk before the client sent the rest").isTrue();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body.length + " " + HexFormat.of().formatHex(sha256().digest(body)));
        assertThat(events.last().header("transfer-encoding")).isEqualTo("chunked");
    }

    @Test
    void streamsAnswersToTheClient() throws Exception {
        CountDownLatch clientHasFirstChunk = new CountDownLatch(1);
        byte[] body = new byte[6 * 1024 * 1024];
        new Random(23).nextBytes(body);
        boolean[] clientHadFirstChunkBeforeTheRest = new boolean[1];
        talks.on("/talks/export", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, 0); // chunked
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, CHUNK);
            out.flush();
            try {
                clientHadFirstChunkBeforeTheRest[0] = clientHasFirstChunk.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write(body, CHUNK, body.length - CHUNK);
        });

        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(gatewayUri("/talks/export")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        byte[] received;
        try (InputStream in = response.body()) {
            byte[] first = in.readNBytes(CHUNK);
            clientHasFirstChunk.countDown();
            byte[] rest = in.readAllBytes();
            received = new byte[first.length + rest.length];
            System.arraycopy(first, 0, received, 0, first.length);
            System.arraycopy(rest, 0, received, first.length, rest.length);
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(clientHadFirstChunkBeforeTheRest[0]).as("the client had the first chunk before the service sent the rest").isTrue();
        assertThat(received).isEqualTo(body);
    }

    @Test
    void refusesBodiesAboveTheLimitWithoutForwardingThem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gatewayUri("/events/e1/registrations"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[9 * 1024 * 1024]))
                .header("Content-Type", "application/octet-stream").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"type\":\"https://podium.dev/problems/request-too-large\"");
        assertThat(events.received()).isEmpty();
    }

    @Test
    void answersItsOwnHealthAndForwardsNoManagementEndpoint() throws Exception {
        HttpResponse<String> health = get("/health", Map.of());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get("/health/liveness", Map.of()).statusCode()).isEqualTo(200);

        for (String path : List.of("/prometheus", "/metrics", "/", "/routes", "/favicon.ico", "/eventsX")) {
            HttpResponse<String> response = get(path, Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).contains("application/problem+json");
            assertThat(response.body()).as(path).contains("\"type\":\"https://podium.dev/problems/not-found\"");
        }
        assertThat(events.received()).isEmpty();
        assertThat(talks.received()).isEmpty();
        assertThat(notifications.received()).isEmpty();
    }

    @Test
    void refusesPathsThatAServiceCouldReadDifferently() {
        for (String path : List.of("/events/../prometheus", "/events/%2e%2e/prometheus", "/events/e1/..", "/events/e1%2Fcfp",
                "/events/e1%5Ccfp", "/talks/%C3")) {
            RawHttp.Answer answer = RawHttp.exchange(gateway.getPort(), "GET " + path + " HTTP/1.1\nHost: podium.example\nConnection: close\n\n");
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).isEqualTo("application/problem+json");
            assertThat(answer.body()).as(path).contains("problems/invalid-path");
        }
        // Not a URI at all: Micronaut hands the filters a request for / instead (answered 404 here).
        RawHttp.Answer malformed = RawHttp.exchange(gateway.getPort(), "GET /events/%ZZ HTTP/1.1\nHost: podium.example\nConnection: close\n\n");
        assertThat(malformed.status()).isBetween(400, 404);
        assertThat(events.received()).isEmpty();
        assertThat(talks.received()).isEmpty();
    }

    @Test
    void answers502WhileAServiceIsDownAndForwardsAgainOnceItIsBack() throws Exception {
        assertThat(get("/speakers/s1", Map.of()).statusCode()).isEqualTo(200); // a pooled connection to it
        talks.stop();
        try {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> down = get("/speakers/s1", Map.of());
                assertThat(down.statusCode()).isEqualTo(502);
                assertThat(down.headers().firstValue("Content-Type")).contains("application/problem+json");
                assertThat(down.headers().firstValue("Retry-After")).contains("5");
                assertThat(down.body()).contains("\"type\":\"https://podium.dev/problems/bad-gateway\"")
                        .contains("\"status\":502").contains("talks-service could not be reached");
            }
            // The others are not affected.
            assertThat(get("/events/e1", Map.of()).statusCode()).isEqualTo(200);
        } finally {
            talks.restart();
        }
        HttpResponse<String> back = get("/speakers/s1", Map.of());
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.headers().firstValue("X-Stub")).contains("talks");
    }

    private HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gatewayUri(pathAndQuery)).timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI gatewayUri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + gateway.getPort() + pathAndQuery);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
