package dev.podium.talks;

import static dev.podium.talks.TalksFixtures.cfp;
import static dev.podium.talks.TalksFixtures.speaker;
import static dev.podium.talks.TalksFixtures.submission;
import static dev.podium.talks.TalksFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.events.EventCancelled;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bad input of the issue gets a problem+json 4xx with a stable type, never a 500, and
 * leaves nothing half-written.
 */
@MicronautTest(transactional = false)
// Ids that never existed wait podium.read-models.wait before their 409 not-yet-known: keep that short here.
@Property(name = "podium.read-models.wait", value = "200ms")
class BadInputTest extends TalksServiceTest {

    EventSnapshot event;
    EventSnapshot cancelled;
    EventSnapshot noCfp;
    EventSnapshot closedCfp;
    String speakerId;
    /** The speaker of the tests' submissions, and the organisers. */
    TalksApi me;
    TalksApi alice;
    TalksApi bob;

    @BeforeAll
    void setUp() {
        alice = api.as(ALICE);
        bob = api.as(BOB);
        TalksFixtures.knownGroup(codec, catalog, TalksFixtures.group("bad-input", ALICE, BOB));
        LocalDateTime start = LocalDateTime.of(2030, 3, 7, 19, 0);
        event = TalksFixtures.event("bad-input", "Deep Learning Meetup #13", "PUBLISHED", start, "Europe/Paris");
        cancelled = TalksFixtures.event("bad-input", "Cancelled meetup", "PUBLISHED", start, "Europe/Paris");
        noCfp = TalksFixtures.event("bad-input", "Meetup without a CfP", "DRAFT", start, "Europe/Paris");
        closedCfp = TalksFixtures.event("bad-input", "Meetup with a closed CfP", "PUBLISHED", start, "Europe/Paris");
        TalksFixtures.knownEvents(codec, catalog, event, cancelled, noCfp, closedCfp);
        Instant now = Instant.now();
        alice.put("/events/" + event.eventId() + "/cfp", cfp(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)))).isOk(200);
        alice.put("/events/" + cancelled.eventId() + "/cfp", cfp(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)))).isOk(200);
        alice.put("/events/" + closedCfp.eventId() + "/cfp", cfp(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)))).isOk(200);
        TalksFixtures.publish(codec, new EventCancelled(withStatus(cancelled, "CANCELLED"), "Venue unavailable", now));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> catalog.event(cancelled.eventId()).orElseThrow().cancelled());
        TalksFixtures.SpeakerAccount arthur = api.newSpeaker(speaker("Arthur Mensch", "PhD Candidate at INRIA Parietal"));
        speakerId = arthur.id();
        me = api.as(arthur.identity());
    }

    private Map<String, Object> valid() {
        return submission(speakerId, event.eventId(), "Differentiable Dynamic Programming", "Dynamic programming (DP) solves…");
    }

    @Test
    void badSubmissionContent() {
        me.post("/submissions", with(valid(), "title", "")).isViolationOf("title");
        me.post("/submissions", with(valid(), "title", "   ")).isViolationOf("title");
        me.post("/submissions", with(valid(), "title", null)).isViolationOf("title");
        me.post("/submissions", with(valid(), "title", "x".repeat(301))).isViolationOf("title");
        me.post("/submissions", with(valid(), "abstract", "")).isViolationOf("abstract");
        me.post("/submissions", with(valid(), "abstract", "🧠".repeat(10_001))).isViolationOf("abstract");
        me.post("/submissions", with(valid(), "format", "TUTORIAL")).isViolationOf("format");
        me.post("/submissions", with(valid(), "format", "talk")).isViolationOf("format");
        me.post("/submissions", with(valid(), "level", "GURU")).isViolationOf("level");
        me.post("/submissions", with(valid(), "language", "english please")).isViolationOf("language");
        me.post("/submissions", with(valid(), "durationMinutes", null)).isViolationOf("durationMinutes");
        me.post("/submissions", with(valid(), "tags", Collections.nCopies(21, "ml"))).isViolationOf("tags");
        me.post("/submissions", with(valid(), "speakerIds", List.of())).isViolationOf("speakerIds");
        me.post("/submissions", with(valid(), "notes", "n".repeat(5001))).isViolationOf("notes");

        me.post("/submissions", with(with(valid(), "format", "LIGHTNING"), "durationMinutes", 20))
                .isProblem(422, "duration-out-of-range");
        me.post("/submissions", with(valid(), "durationMinutes", 0)).isProblem(422, "duration-out-of-range");
        me.post("/submissions", with(valid(), "durationMinutes", -5)).isProblem(422, "duration-out-of-range");
        me.post("/submissions", with(with(valid(), "format", "WORKSHOP"), "durationMinutes", 600))
                .isProblem(422, "duration-out-of-range");
    }

    @Test
    void controlCharactersInNamesAndTitlesAreRefusedNamingTheField() {
        me.post("/submissions", with(valid(), "title", "Differentiable\r\nBcc: everyone@example.org")).isViolationOf("title");
        me.post("/submissions", with(valid(), "title", "Null\u0000byte")).isViolationOf("title");
        me.post("/submissions", with(valid(), "title", "Escape\u001b[31m")).isViolationOf("title");
        api.as(TalksFixtures.person("Lina", "lina-" + UUID.randomUUID() + "@speakers.example.org"))
                .post("/speakers", speaker("Lina\nKhan", "INRIA")).isViolationOf("name");
        me.post("/submissions", with(valid(), "abstract", "Two lines,\n\tand a tab: an abstract may have them")).isOk(201);
    }

    @Test
    void bodyLessActionsTakeAnEmptyFormPostAnd415SaysWhatToSend() {
        String id = me.post("/submissions", valid()).isOk(201).string("id");
        // What an HTML form or Python's urllib sends: an empty body typed application/x-www-form-urlencoded.
        me.call(HttpRequest.POST("/submissions/" + id + "/withdraw", "").contentType(MediaType.APPLICATION_FORM_URLENCODED)).isOk(200);
        alice.call(HttpRequest.POST("/events/" + event.eventId() + "/decisions/release", "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)).isOk(200);

        TalksApi.Response refused = me.call(HttpRequest.POST("/submissions", "title=x").contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .isProblem(415, "unsupported-media-type");
        assertThat(refused.string("title")).isNotBlank();
        assertThat(refused.string("detail")).contains("application/json").contains("application/x-www-form-urlencoded");
    }

    @Test
    void lengthsCountCodePoints() {
        String tenThousandEmoji = "🧠".repeat(10_000);
        assertThat(tenThousandEmoji.length()).isEqualTo(20_000);
        TalksApi.Response accepted = me.post("/submissions", with(valid(), "abstract", tenThousandEmoji)).isOk(201);
        assertThat(accepted.string("abstract")).isEqualTo(tenThousandEmoji);
        String title = "∂".repeat(300);
        me.post("/submissions", with(valid(), "title", title)).isOk(201);
    }

    @Test
    void unknownOrUnusableReferences() {
        me.post("/submissions", with(valid(), "speakerIds", List.of(speakerId, UUID.randomUUID().toString())))
                .isProblem(404, "unknown-speaker");
        // talks-service cannot tell an event that never existed from one it has not heard of yet (issue 14).
        me.post("/submissions", with(valid(), "eventId", UUID.randomUUID().toString())).isProblem(409, "not-yet-known");
        me.post("/submissions", with(valid(), "eventId", cancelled.eventId())).isProblem(409, "event-cancelled");
        me.post("/submissions", with(valid(), "speakerIds", List.of(speakerId, speakerId))).isProblem(400, "duplicate-speaker");
        me.post("/submissions", with(valid(), "groupSlug", "bad-input")).isProblem(400, "invalid-target");
        me.post("/submissions", with(valid(), "eventId", null)).isProblem(400, "invalid-target");
        me.post("/submissions", with(with(valid(), "eventId", null), "groupSlug", "no-such-group")).isProblem(409, "not-yet-known");

        me.get("/submissions/" + UUID.randomUUID()).isProblem(404, "not-found");
        api.get("/speakers/" + UUID.randomUUID()).isProblem(404, "not-found");
        me.patch("/speakers/" + UUID.randomUUID(), Map.of("name", "Nobody")).isProblem(404, "not-found");
        alice.post("/submissions/" + UUID.randomUUID() + "/accept", Map.of()).isProblem(404, "not-found");
        alice.post("/events/" + UUID.randomUUID() + "/decisions/release", Map.of()).isProblem(409, "not-yet-known");
        alice.get("/events/" + UUID.randomUUID() + "/submissions").isProblem(409, "not-yet-known");
    }

    @Test
    void submissionsOutsideTheCallForPapersAndBadWindows() {
        me.post("/submissions", with(valid(), "eventId", closedCfp.eventId())).isProblem(409, "cfp-closed");
        me.post("/submissions", with(valid(), "eventId", noCfp.eventId())).isProblem(409, "cfp-closed");

        Instant now = Instant.now();
        alice.put("/events/" + noCfp.eventId() + "/cfp", cfp(now, now.minusSeconds(60))).isProblem(422, "invalid-cfp-window");
        alice.put("/events/" + noCfp.eventId() + "/cfp", cfp(now, now)).isProblem(422, "invalid-cfp-window");
        alice.put("/events/" + noCfp.eventId() + "/cfp", Map.of("opensAt", now.toString())).isViolationOf("closesAt");
        alice.put("/events/" + noCfp.eventId() + "/cfp", Map.of("opensAt", "next tuesday", "closesAt", now.toString()))
                .isOk(400);
        alice.put("/events/" + UUID.randomUUID() + "/cfp", cfp(now, now.plusSeconds(60))).isProblem(409, "not-yet-known");
        alice.put("/events/" + cancelled.eventId() + "/cfp", cfp(now, now.plusSeconds(60))).isProblem(409, "event-cancelled");
        alice.put("/groups/no-such-group/cfp", cfp(now, now.plusSeconds(60))).isProblem(409, "not-yet-known");
        api.get("/events/" + noCfp.eventId() + "/cfp").isProblem(404, "not-found");
    }

    @Test
    void invalidUrls() {
        me.post("/speakers", with(speaker("A", null), "links", Map.of("site", "not a url"))).isViolationOf("site");
        me.post("/speakers", with(speaker("A", null), "links", Map.of("github", "ftp://github.com/someone"))).isViolationOf("github");
        me.post("/speakers", with(speaker("A", null), "links", Map.of("slides", "https://"))).isViolationOf("slides");
        me.patch("/speakers/" + speakerId, Map.of("links", Map.of("site", "javascript:alert(1)"))).isViolationOf("site");

        String submissionId = me.post("/submissions", valid()).isOk(201).string("id");
        String materials = "/submissions/" + submissionId + "/materials";
        me.put(materials, Map.of("slidesUrl", "javascript:alert(1)")).isViolationOf("slidesUrl");
        me.put(materials, Map.of("videoUrl", "youtube.com/watch?v=x")).isViolationOf("videoUrl");
        me.put(materials, Map.of("codeUrl", "https://github.com/x y")).isViolationOf("codeUrl");
        me.put(materials, Map.of("references", List.of(Map.of("title", "Paper", "url", "www.example.org/paper.pdf"))))
                .isViolationOf("url");
        me.put(materials, Map.of("references", List.of(Map.of("title", "", "url", "https://arxiv.org/abs/1802.03676"))))
                .isViolationOf("title");
        me.put(materials, Map.of("slidesUrl", "https://example.org/slides.pdf")).isProblem(409, "not-accepted");
    }

    @Test
    void badDecisionsAndReviews() {
        String submissionId = me.post("/submissions", valid()).isOk(201).string("id");
        String base = "/submissions/" + submissionId;

        alice.post(base + "/reviews", Map.of("score", 6)).isViolationOf("score");
        alice.post(base + "/reviews", Map.of("score", 0)).isViolationOf("score");
        alice.post(base + "/reviews", Map.of("comment", "no score")).isViolationOf("score");
        // Reviewing needs a token, and an organiser's: its speaker is refused, a stranger does not learn it exists.
        api.post(base + "/reviews", Map.of("score", 4)).isProblem(401, "authentication-required");
        me.post(base + "/reviews", Map.of("score", 4)).isProblem(403, "forbidden");
        api.as(TalksFixtures.person("Mallory", "mallory@example.org")).post(base + "/reviews", Map.of("score", 4))
                .isProblem(404, "not-found");
        alice.post(base + "/reviews", Map.of("score", 4, "comment", "Solid")).isOk(201);
        alice.post(base + "/reviews", Map.of("score", 2, "comment", "Again"))
                .isProblem(409, "duplicate-review");
        // The same organiser (sub), whatever the case of the email in the token.
        api.as(new Identity(ALICE.sub(), ALICE.name(), ALICE.email().toUpperCase(Locale.ROOT), List.of()))
                .post(base + "/reviews", Map.of("score", 2)).isProblem(409, "duplicate-review");
        assertThat(alice.get(base + "/reviews").isOk(200).get("reviewCount")).isEqualTo(1);

        api.post(base + "/accept", Map.of("reason", "Great")).isProblem(401, "authentication-required");
        alice.post(base + "/reject", Map.of()).isViolationOf("reason");
        alice.post(base + "/reject", Map.of("reason", " ")).isViolationOf("reason");

        me.post(base + "/withdraw", Map.of()).isOk(200);
        alice.post(base + "/accept", Map.of("reason", "Great")).isProblem(409, "submission-withdrawn");
        alice.post(base + "/reject", Map.of("reason", "Off topic")).isProblem(409, "submission-withdrawn");
        bob.post(base + "/reviews", Map.of("score", 3)).isProblem(409, "submission-withdrawn");
        me.post(base + "/withdraw", Map.of()).isProblem(409, "submission-withdrawn");
        me.post(base + "/confirm", Map.of()).isProblem(409, "submission-withdrawn");
        me.patch(base, Map.of("title", "New title")).isProblem(409, "submission-withdrawn");
        me.post(base + "/invitations", Map.of("email", "co@example.org")).isProblem(409, "submission-withdrawn");

        String other = me.post("/submissions", valid()).isOk(201).string("id");
        me.post("/submissions/" + other + "/confirm", Map.of()).isProblem(409, "not-accepted");
    }

    @Test
    void badSpeakers() {
        Map<String, Object> request = speaker("Olivier Grisel", "Software Engineer at INRIA");
        TalksFixtures.SpeakerAccount olivier = api.newSpeaker(request);
        TalksApi asOlivier = api.as(olivier.identity());
        asOlivier.post("/speakers", request).isProblem(409, "speaker-profile-exists");
        // Another account whose (verified) email differs only by case.
        String upper = ((String) request.get("email")).toUpperCase(Locale.ROOT);
        api.as(TalksFixtures.person("Olivier G.", upper)).post("/speakers", with(request, "email", upper)).isProblem(409, "speaker-email-taken");
        me.post("/speakers", with(request, "email", "not-an-email")).isViolationOf("email");
        me.post("/speakers", with(request, "name", "")).isViolationOf("name");
        me.post("/speakers", with(request, "bio", "b".repeat(5001))).isViolationOf("bio");
        // A profile's email is its owner's verified one: nobody takes someone else's address.
        api.as(TalksFixtures.person("Mallory", "mallory-" + UUID.randomUUID() + "@example.org"))
                .post("/speakers", with(speaker("Mallory", null), "email", "someone.else@example.org")).isProblem(422, "unverified-email");
        me.patch("/speakers/" + speakerId, Map.of("email", request.get("email"))).isProblem(422, "unverified-email");
        api.as(Identity.admin("admin-" + UUID.randomUUID())).patch("/speakers/" + speakerId, Map.of("email", request.get("email")))
                .isProblem(409, "speaker-email-taken");
        me.patch("/speakers/" + speakerId, Map.of("name", " ")).isViolationOf("name");
    }

    @Test
    void unreadableRequestsAndParameters() {
        TalksApi.Response malformed = me.call(HttpRequest.POST("/submissions", "{\"title\": ").contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        TalksApi.Response wrongType = me.post("/submissions", with(valid(), "durationMinutes", "thirty"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");

        api.get("/talks?mode=fuzzy&q=x").isProblem(400, "invalid-search-mode");
        api.get("/talks?from=2018-13-01").isProblem(400, "invalid-date");
        api.get("/talks?from=2019-01-01&to=2018-01-01").isProblem(400, "invalid-date-range");
        api.get("/talks?size=500").isOk(400);
        api.get("/talks?page=-1").isOk(400);
        alice.get("/events/" + event.eventId() + "/submissions?status=PENDING").isProblem(400, "invalid-status");
        alice.get("/events/" + event.eventId() + "/submissions?sort=popularity").isProblem(400, "invalid-sort");
        TalksApi.Response badBoolean = api.get("/talks?mode=boolean&q=" + java.net.URLEncoder.encode("+(-", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(badBoolean.status()).isIn(200, 400);
    }

    @Test
    void failedRequestsLeaveNothingHalfWritten() {
        long submissions = sql.count("SELECT COUNT(*) FROM submission");
        long speakers = sql.count("SELECT COUNT(*) FROM submission_speaker");
        long tags = sql.count("SELECT COUNT(*) FROM submission_tag");
        long revisions = sql.count("SELECT COUNT(*) FROM submission_revision");
        long outbox = sql.count("SELECT COUNT(*) FROM outbox");

        List<TalksApi.Response> failures = new ArrayList<>();
        failures.add(me.post("/submissions", with(valid(), "speakerIds", List.of(speakerId, UUID.randomUUID().toString()))));
        failures.add(me.post("/submissions", with(valid(), "eventId", closedCfp.eventId())));
        failures.add(me.post("/submissions", with(valid(), "eventId", cancelled.eventId())));
        failures.add(me.post("/submissions", with(with(valid(), "format", "KEYNOTE"), "durationMinutes", 5)));
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
