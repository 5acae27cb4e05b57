package dev.podium.talks;

import static dev.podium.talks.Fixtures.cfp;
import static dev.podium.talks.Fixtures.speaker;
import static dev.podium.talks.Fixtures.submission;
import static dev.podium.talks.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.events.EventCancelled;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.talks.catalog.Catalog;
import dev.podium.messaging.sql.Sql;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bad input of the issue gets a problem+json 4xx with a stable type, never a 500, and
 * leaves nothing half-written.
 */
@MicronautTest(transactional = false)
class BadInputTest implements RealServers {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    MessageCodec codec;
    @Inject
    Catalog catalog;
    @Inject
    Sql sql;

    Api api;
    EventSnapshot event;
    EventSnapshot cancelled;
    EventSnapshot noCfp;
    EventSnapshot closedCfp;
    String speakerId;

    @BeforeAll
    void setUp() {
        api = new Api(http, json);
        LocalDateTime start = LocalDateTime.of(2030, 3, 7, 19, 0);
        event = Fixtures.event("bad-input", "Deep Learning Meetup #13", "PUBLISHED", start, "Europe/Paris");
        cancelled = Fixtures.event("bad-input", "Cancelled meetup", "PUBLISHED", start, "Europe/Paris");
        noCfp = Fixtures.event("bad-input", "Meetup without a CfP", "DRAFT", start, "Europe/Paris");
        closedCfp = Fixtures.event("bad-input", "Meetup with a closed CfP", "PUBLISHED", start, "Europe/Paris");
        Fixtures.knownEvents(codec, catalog, event, cancelled, noCfp, closedCfp);
        Instant now = Instant.now();
        api.put("/events/" + event.eventId() + "/cfp", cfp(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)))).isOk(200);
        api.put("/events/" + cancelled.eventId() + "/cfp", cfp(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)))).isOk(200);
        api.put("/events/" + closedCfp.eventId() + "/cfp", cfp(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)))).isOk(200);
        Fixtures.publish(codec, new EventCancelled(withStatus(cancelled, "CANCELLED"), "Venue unavailable", now));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> catalog.event(cancelled.eventId()).orElseThrow().cancelled());
        speakerId = api.post("/speakers", speaker("Arthur Mensch", "PhD Candidate at INRIA Parietal")).isOk(201).string("id");
    }

    private Map<String, Object> valid() {
        return submission(speakerId, event.eventId(), "Differentiable Dynamic Programming", "Dynamic programming (DP) solves…");
    }

    @Test
    void badSubmissionContent() {
        api.post("/submissions", with(valid(), "title", "")).isViolationOf("title");
        api.post("/submissions", with(valid(), "title", "   ")).isViolationOf("title");
        api.post("/submissions", with(valid(), "title", null)).isViolationOf("title");
        api.post("/submissions", with(valid(), "title", "x".repeat(301))).isViolationOf("title");
        api.post("/submissions", with(valid(), "abstract", "")).isViolationOf("abstract");
        api.post("/submissions", with(valid(), "abstract", "🧠".repeat(10_001))).isViolationOf("abstract");
        api.post("/submissions", with(valid(), "format", "TUTORIAL")).isViolationOf("format");
        api.post("/submissions", with(valid(), "format", "talk")).isViolationOf("format");
        api.post("/submissions", with(valid(), "level", "GURU")).isViolationOf("level");
        api.post("/submissions", with(valid(), "language", "english please")).isViolationOf("language");
        api.post("/submissions", with(valid(), "durationMinutes", null)).isViolationOf("durationMinutes");
        api.post("/submissions", with(valid(), "tags", Collections.nCopies(21, "ml"))).isViolationOf("tags");
        api.post("/submissions", with(valid(), "speakerIds", List.of())).isViolationOf("speakerIds");
        api.post("/submissions", with(valid(), "notes", "n".repeat(5001))).isViolationOf("notes");

        api.post("/submissions", with(with(valid(), "format", "LIGHTNING"), "durationMinutes", 20))
                .isProblem(422, "duration-out-of-range");
        api.post("/submissions", with(valid(), "durationMinutes", 0)).isProblem(422, "duration-out-of-range");
        api.post("/submissions", with(valid(), "durationMinutes", -5)).isProblem(422, "duration-out-of-range");
        api.post("/submissions", with(with(valid(), "format", "WORKSHOP"), "durationMinutes", 600))
                .isProblem(422, "duration-out-of-range");
    }

    @Test
    void lengthsCountCodePoints() {
        String tenThousandEmoji = "🧠".repeat(10_000);
        assertThat(tenThousandEmoji.length()).isEqualTo(20_000);
        Api.Response accepted = api.post("/submissions", with(valid(), "abstract", tenThousandEmoji)).isOk(201);
        assertThat(accepted.string("abstract")).isEqualTo(tenThousandEmoji);
        String title = "∂".repeat(300);
        api.post("/submissions", with(valid(), "title", title)).isOk(201);
    }

    @Test
    void unknownOrUnusableReferences() {
        api.post("/submissions", with(valid(), "speakerIds", List.of(speakerId, UUID.randomUUID().toString())))
                .isProblem(404, "unknown-speaker");
        api.post("/submissions", with(valid(), "eventId", UUID.randomUUID().toString())).isProblem(404, "unknown-event");
        api.post("/submissions", with(valid(), "eventId", cancelled.eventId())).isProblem(409, "event-cancelled");
        api.post("/submissions", with(valid(), "speakerIds", List.of(speakerId, speakerId))).isProblem(400, "duplicate-speaker");
        api.post("/submissions", with(valid(), "groupSlug", "bad-input")).isProblem(400, "invalid-target");
        api.post("/submissions", with(valid(), "eventId", null)).isProblem(400, "invalid-target");
        api.post("/submissions", with(with(valid(), "eventId", null), "groupSlug", "no-such-group")).isProblem(404, "unknown-group");

        api.get("/submissions/" + UUID.randomUUID()).isProblem(404, "not-found");
        api.get("/speakers/" + UUID.randomUUID()).isProblem(404, "not-found");
        api.patch("/speakers/" + UUID.randomUUID(), Map.of("name", "Nobody")).isProblem(404, "not-found");
        api.post("/submissions/" + UUID.randomUUID() + "/accept", Map.of(), "organiser@example.org").isProblem(404, "not-found");
        api.post("/events/" + UUID.randomUUID() + "/decisions/release", Map.of()).isProblem(404, "not-found");
        api.get("/events/" + UUID.randomUUID() + "/submissions").isProblem(404, "not-found");
    }

    @Test
    void submissionsOutsideTheCallForPapersAndBadWindows() {
        api.post("/submissions", with(valid(), "eventId", closedCfp.eventId())).isProblem(409, "cfp-closed");
        api.post("/submissions", with(valid(), "eventId", noCfp.eventId())).isProblem(409, "cfp-closed");

        Instant now = Instant.now();
        api.put("/events/" + noCfp.eventId() + "/cfp", cfp(now, now.minusSeconds(60))).isProblem(422, "invalid-cfp-window");
        api.put("/events/" + noCfp.eventId() + "/cfp", cfp(now, now)).isProblem(422, "invalid-cfp-window");
        api.put("/events/" + noCfp.eventId() + "/cfp", Map.of("opensAt", now.toString())).isViolationOf("closesAt");
        api.put("/events/" + noCfp.eventId() + "/cfp", Map.of("opensAt", "next tuesday", "closesAt", now.toString()))
                .isOk(400);
        api.put("/events/" + UUID.randomUUID() + "/cfp", cfp(now, now.plusSeconds(60))).isProblem(404, "not-found");
        api.put("/events/" + cancelled.eventId() + "/cfp", cfp(now, now.plusSeconds(60))).isProblem(409, "event-cancelled");
        api.put("/groups/no-such-group/cfp", cfp(now, now.plusSeconds(60))).isProblem(404, "not-found");
        api.get("/events/" + noCfp.eventId() + "/cfp").isProblem(404, "not-found");
    }

    @Test
    void invalidUrls() {
        api.post("/speakers", with(speaker("A", null), "links", Map.of("site", "not a url"))).isViolationOf("site");
        api.post("/speakers", with(speaker("A", null), "links", Map.of("github", "ftp://github.com/someone"))).isViolationOf("github");
        api.post("/speakers", with(speaker("A", null), "links", Map.of("slides", "https://"))).isViolationOf("slides");
        api.patch("/speakers/" + speakerId, Map.of("links", Map.of("site", "javascript:alert(1)"))).isViolationOf("site");

        String submissionId = api.post("/submissions", valid()).isOk(201).string("id");
        String materials = "/submissions/" + submissionId + "/materials";
        api.put(materials, Map.of("slidesUrl", "javascript:alert(1)")).isViolationOf("slidesUrl");
        api.put(materials, Map.of("videoUrl", "youtube.com/watch?v=x")).isViolationOf("videoUrl");
        api.put(materials, Map.of("codeUrl", "https://github.com/x y")).isViolationOf("codeUrl");
        api.put(materials, Map.of("references", List.of(Map.of("title", "Paper", "url", "www.example.org/paper.pdf"))))
                .isViolationOf("url");
        api.put(materials, Map.of("references", List.of(Map.of("title", "", "url", "https://arxiv.org/abs/1802.03676"))))
                .isViolationOf("title");
        api.put(materials, Map.of("slidesUrl", "https://example.org/slides.pdf")).isProblem(409, "not-accepted");
    }

    @Test
    void badDecisionsAndReviews() {
        String submissionId = api.post("/submissions", valid()).isOk(201).string("id");
        String base = "/submissions/" + submissionId;

        api.post(base + "/reviews", Map.of("score", 6), "alice@organisers.example.org").isViolationOf("score");
        api.post(base + "/reviews", Map.of("score", 0), "alice@organisers.example.org").isViolationOf("score");
        api.post(base + "/reviews", Map.of("comment", "no score"), "alice@organisers.example.org").isViolationOf("score");
        api.post(base + "/reviews", Map.of("score", 4)).isProblem(400, "organiser-required");
        api.post(base + "/reviews", Map.of("score", 4), "not an email").isProblem(400, "organiser-required");
        api.post(base + "/reviews", Map.of("score", 4, "comment", "Solid"), "alice@organisers.example.org").isOk(201);
        api.post(base + "/reviews", Map.of("score", 2, "comment", "Again"), "alice@organisers.example.org")
                .isProblem(409, "duplicate-review");
        api.post(base + "/reviews", Map.of("score", 2), "ALICE@organisers.example.org").isProblem(409, "duplicate-review");
        assertThat(api.get(base + "/reviews").isOk(200).get("reviewCount")).isEqualTo(1);

        api.post(base + "/accept", Map.of("reason", "Great")).isProblem(400, "organiser-required");
        api.post(base + "/reject", Map.of(), "alice@organisers.example.org").isViolationOf("reason");
        api.post(base + "/reject", Map.of("reason", " "), "alice@organisers.example.org").isViolationOf("reason");

        api.post(base + "/withdraw", Map.of()).isOk(200);
        api.post(base + "/accept", Map.of("reason", "Great"), "alice@organisers.example.org").isProblem(409, "submission-withdrawn");
        api.post(base + "/reject", Map.of("reason", "Off topic"), "alice@organisers.example.org").isProblem(409, "submission-withdrawn");
        api.post(base + "/reviews", Map.of("score", 3), "bob@organisers.example.org").isProblem(409, "submission-withdrawn");
        api.post(base + "/withdraw", Map.of()).isProblem(409, "submission-withdrawn");
        api.post(base + "/confirm", Map.of()).isProblem(409, "submission-withdrawn");
        api.patch(base, Map.of("title", "New title")).isProblem(409, "submission-withdrawn");
        api.post(base + "/invitations", Map.of("email", "co@example.org")).isProblem(409, "submission-withdrawn");

        String other = api.post("/submissions", valid()).isOk(201).string("id");
        api.post("/submissions/" + other + "/confirm", Map.of()).isProblem(409, "not-accepted");
    }

    @Test
    void badSpeakers() {
        Map<String, Object> request = speaker("Olivier Grisel", "Software Engineer at INRIA");
        api.post("/speakers", request).isOk(201);
        api.post("/speakers", with(request, "email", ((String) request.get("email")).toUpperCase())).isProblem(409, "speaker-email-taken");
        api.post("/speakers", with(request, "email", "not-an-email")).isViolationOf("email");
        api.post("/speakers", with(request, "name", "")).isViolationOf("name");
        api.post("/speakers", with(request, "bio", "b".repeat(5001))).isViolationOf("bio");
        api.patch("/speakers/" + speakerId, Map.of("email", request.get("email"))).isProblem(409, "speaker-email-taken");
        api.patch("/speakers/" + speakerId, Map.of("name", " ")).isViolationOf("name");
    }

    @Test
    void unreadableRequestsAndParameters() {
        Api.Response malformed = api.call(HttpRequest.POST("/submissions", "{\"title\": ").contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        Api.Response wrongType = api.post("/submissions", with(valid(), "durationMinutes", "thirty"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");

        api.get("/talks?mode=fuzzy&q=x").isProblem(400, "invalid-search-mode");
        api.get("/talks?from=2018-13-01").isProblem(400, "invalid-date");
        api.get("/talks?from=2019-01-01&to=2018-01-01").isProblem(400, "invalid-date-range");
        api.get("/talks?size=500").isOk(400);
        api.get("/talks?page=-1").isOk(400);
        api.get("/events/" + event.eventId() + "/submissions?status=PENDING").isProblem(400, "invalid-status");
        api.get("/events/" + event.eventId() + "/submissions?sort=popularity").isProblem(400, "invalid-sort");
        Api.Response badBoolean = api.get("/talks?mode=boolean&q=" + java.net.URLEncoder.encode("+(-", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(badBoolean.status()).isIn(200, 400);
    }

    @Test
    void failedRequestsLeaveNothingHalfWritten() {
        long submissions = sql.count("SELECT COUNT(*) FROM submission");
        long speakers = sql.count("SELECT COUNT(*) FROM submission_speaker");
        long tags = sql.count("SELECT COUNT(*) FROM submission_tag");
        long revisions = sql.count("SELECT COUNT(*) FROM submission_revision");
        long outbox = sql.count("SELECT COUNT(*) FROM outbox");

        List<Api.Response> failures = new ArrayList<>();
        failures.add(api.post("/submissions", with(valid(), "speakerIds", List.of(speakerId, UUID.randomUUID().toString()))));
        failures.add(api.post("/submissions", with(valid(), "eventId", closedCfp.eventId())));
        failures.add(api.post("/submissions", with(valid(), "eventId", cancelled.eventId())));
        failures.add(api.post("/submissions", with(with(valid(), "format", "KEYNOTE"), "durationMinutes", 5)));
        assertThat(failures).allSatisfy(response -> assertThat(response.status()).isBetween(400, 499));

        assertThat(sql.count("SELECT COUNT(*) FROM submission")).isEqualTo(submissions);
        assertThat(sql.count("SELECT COUNT(*) FROM submission_speaker")).isEqualTo(speakers);
        assertThat(sql.count("SELECT COUNT(*) FROM submission_tag")).isEqualTo(tags);
        assertThat(sql.count("SELECT COUNT(*) FROM submission_revision")).isEqualTo(revisions);
        assertThat(sql.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outbox);
    }

    private static EventSnapshot withStatus(EventSnapshot e, String status) {
        return new EventSnapshot(e.eventId(), e.groupId(), e.groupSlug(), e.groupName(), e.language(), e.number(), e.title(),
                e.description(), status, e.startsAt(), e.endsAt(), e.timeZone(), e.startsAtUtc(), e.endsAtUtc(), e.venue(),
                e.capacity(), e.sequence() + 1, e.url(), e.agenda());
    }
}
