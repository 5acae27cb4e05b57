package dev.podium.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser as the page tests drive it: asks for HTML, sends forms as urlencoded bodies from the page's
 * own origin, and does not follow redirects by itself, so the tests see each post-redirect-get step.
 */
public final class Browser {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public Browser(URI base) {
        this.base = base;
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .GET().build());
    }

    public HttpResponse<String> get(String pathAndQuery, String accept) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).header("Accept", accept).GET().build());
    }

    public HttpResponse<String> post(String pathAndQuery, Map<String, String> form) {
        return post(pathAndQuery, form, base.getScheme() + "://" + base.getRawAuthority());
    }

    public HttpResponse<String> post(String pathAndQuery, Map<String, String> form, String origin) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static Document page(HttpResponse<String> response) {
        return Jsoup.parse(response.body());
    }

    public static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
