package dev.podium.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * 6. The event page: the page a member opens from an announcement (GET /events/{id} asking for HTML, as
 * a browser does) at a steady 50 requests/s, against the JSON read of the same event at the same URL
 * and rate. The event is a real meetup's: the first seed's announcement as its description, a venue,
 * three talks and the pizzas in the agenda.
 */
final class EventPageReads {

    static final int RATE = 50;
    static final Duration DURATION = Duration.ofSeconds(20);
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final Podium podium;
    private final Report report;
    private final Path seeds;
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    EventPageReads(Podium podium, Report report, Path seeds) {
        this.podium = podium;
        this.report = report;
        this.seeds = seeds;
    }

    void run() throws Exception {
        String section = "6. Event page";
        String eventId = meetup();
        String url = podium.events() + "/events/" + eventId;

        HttpResponse<String> page = get(url, BROWSER_ACCEPT).join();
        if (page.statusCode() != 200 || !page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            throw new IllegalStateException("The event page answered " + page.statusCode() + " " + page.headers().map());
        }
        int pageBytes = page.body().getBytes(StandardCharsets.UTF_8).length;

        Load.closed(4, Duration.ofSeconds(5), i -> get(url, i % 2 == 0 ? BROWSER_ACCEPT : "application/json")); // warm-up
        Load.Run pages = Load.steady(RATE, DURATION, i -> get(url, BROWSER_ACCEPT), null);
        Load.Run json = Load.steady(RATE, DURATION, i -> get(url, "application/json"), null);
        if (pages.withStatus(200) != pages.total() || json.withStatus(200) != json.total()) {
            throw new IllegalStateException("The event page answered " + pages.statuses() + ", its JSON " + json.statuses()
                    + "; the first request that got no answer failed with " + firstFailure.get());
        }
        double p99 = pages.latencies().percentileMillis(99);
        report.add(new Report.Figure(section, "GET /events/{id} as a page: p50 at a steady " + RATE + "/s (baseline: the JSON of the same event)",
                pages.latencies().percentileMillis(50), json.latencies().percentileMillis(50), "ms", false, null, null));
        report.add(new Report.Figure(section, "GET /events/{id} as a page: p99 at a steady " + RATE + "/s (baseline: the JSON of the same event)",
                p99, json.latencies().percentileMillis(99), "ms", false, "< 50 ms", p99 < 50));
        report.add(new Report.Figure(section, "the event page's size, one HTML response plus one stylesheet", pageBytes / 1024.0,
                Double.NaN, "KB", false, "< 50 KB", pageBytes < 50 * 1024));
        report.note(String.format("Event page: %d pages and %d JSON reads at %d/s, answers %s and %s; the page is %,d bytes",
                pages.total(), json.total(), RATE, pages.statuses(), json.statuses(), pageBytes));
    }

    /** A published meetup as the first seed announces it: its text, a venue, three talks and the social part. */
    private String meetup() throws Exception {
        String announcement = Files.readString(seeds.resolve("000_2e23afdd145b62ce.txt"), StandardCharsets.UTF_8);
        String slug = "bench-page-" + System.currentTimeMillis();
        podium.createGroup(slug, "Deep Learning Meetup Paris");
        String venueId = podium.createVenue("Heuritech", "248 rue du Faubourg Saint-Antoine", "Paris", "France", 120);
        LocalDateTime starts = LocalDateTime.now().plusDays(30).withHour(19).withMinute(0).withSecond(0).withNano(0);
        String eventId = podium.createEvent(slug, "Deep Learning Meetup #13", announcement, starts, venueId, 120);
        podium.putAgenda(eventId, "[" + slot(starts, 0, 40, "TALK", "Generalization in Deep networks") + ","
                + slot(starts, 40, 80, "TALK", "Optimization landscapes of neural networks") + ","
                + slot(starts, 80, 120, "TALK", "Implicit regularization in practice") + ","
                + slot(starts, 120, 180, "SOCIAL", "Pizzas and drinks") + "]");
        podium.publish(eventId);
        return eventId;
    }

    private static String slot(LocalDateTime eventStart, int fromMinute, int toMinute, String kind, String title) {
        return "{\"startsAt\":\"" + eventStart.plusMinutes(fromMinute) + "\",\"endsAt\":\"" + eventStart.plusMinutes(toMinute)
                + "\",\"kind\":\"" + kind + "\",\"title\":" + Http.json(title) + "}";
    }

    private CompletableFuture<HttpResponse<String>> get(String url, String accept) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).timeout(Duration.ofSeconds(60))
                .GET().build(), HttpResponse.BodyHandlers.ofString())
                .whenComplete((answer, failure) -> {
                    if (failure != null) {
                        firstFailure.compareAndSet(null, failure);
                    }
                });
    }
}
