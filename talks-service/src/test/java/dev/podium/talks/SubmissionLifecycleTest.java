package dev.podium.talks;

import static dev.podium.talks.Fixtures.cfp;
import static dev.podium.talks.Fixtures.submission;
import static dev.podium.talks.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.DecodedMessage;
import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.PodiumMessage;
import dev.podium.contracts.Topics;
import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.talks.CoSpeakerInvited;
import dev.podium.contracts.talks.Reference;
import dev.podium.contracts.talks.TalkAccepted;
import dev.podium.contracts.talks.TalkConfirmed;
import dev.podium.contracts.talks.TalkMaterialsPublished;
import dev.podium.contracts.talks.TalkRejected;
import dev.podium.contracts.talks.TalkSnapshot;
import dev.podium.contracts.talks.TalkSubmitted;
import dev.podium.contracts.talks.TalkUpdated;
import dev.podium.contracts.talks.TalkWithdrawn;
import dev.podium.devissuer.Identity;
import dev.podium.persistence.Sql;
import dev.podium.talks.Fixtures.SpeakerAccount;
import dev.podium.talks.catalog.Catalog;
import dev.podium.testsupport.MutableClock;
import dev.podium.testsupport.RealServers;
import dev.podium.testsupport.TopicReader;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A submission's life, through the API and on the submissions topic: submit, edit with revision
 * history, review, staged decisions released together, confirm, withdraw; the call-for-papers
 * window; co-speaker invitations; materials; and the seed abstracts kept byte for byte.
 */
@MicronautTest(transactional = false)
@Property(name = "podium.talks.public-base-url", value = "https://podium.test/")
class SubmissionLifecycleTest implements RealServers {

    static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    static final Identity ALICE = Fixtures.organiser("alice@organisers.example.org");
    static final Identity BOB = Fixtures.organiser("bob@organisers.example.org");

    final MutableClock clock = MutableClock.at(T0.toString());

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

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
    TopicReader topic;
    List<Fixtures.SeedTalk> seeds;

    @BeforeAll
    void setUp() {
        api = new Api(http, json);
        topic = TopicReader.fromBeginning(Topics.SUBMISSIONS);
        seeds = Fixtures.deepLearningMeetup13();
        Fixtures.knownGroup(codec, catalog, Fixtures.group("dl-paris", ALICE, BOB));
    }

    @AfterAll
    void tearDown() {
        topic.close();
    }

    @BeforeEach
    void resetClock() {
        clock.set(T0);
    }

    /** A meetup on 2026-03-07 19:00 in Paris whose call for papers runs from 2026-01-15 to 2026-02-20. */
    private EventSnapshot meetupWithOpenCfp() {
        EventSnapshot event = Fixtures.knownEvent(codec, catalog,
                Fixtures.event("dl-paris", "Deep Learning Meetup #13", "PUBLISHED", LocalDateTime.of(2026, 3, 7, 19, 0), "Europe/Paris"));
        api.as(ALICE).put("/events/" + event.eventId() + "/cfp",
                cfp(Instant.parse("2026-01-15T00:00:00Z"), Instant.parse("2026-02-20T00:00:00Z"))).isOk(200);
        return event;
    }

    /** The seed's speaker signs up and creates their profile. */
    private SpeakerAccount speaker(Fixtures.SeedTalk seed) {
        return api.newSpeaker(Fixtures.speaker(seed.speaker(), seed.affiliation()));
    }

    private Api.Response submit(SpeakerAccount speaker, EventSnapshot event, Fixtures.SeedTalk seed) {
        return api.as(speaker.identity()).post("/submissions",
                submission(speaker.id(), event.eventId(), seed.title(), seed.abstractText())).isOk(201);
    }

    @Test
    void submitEditReviewStageReleaseAndConfirm() {
        EventSnapshot event = meetupWithOpenCfp();
        Fixtures.SeedTalk mensch = seeds.get(1);
        Fixtures.SeedTalk grisel = seeds.get(0);
        SpeakerAccount arthurMensch = speaker(mensch);
        String menschId = arthurMensch.id();
        Api arthur = api.as(arthurMensch.identity());

        Api.Response submitted = submit(arthurMensch, event, mensch);
        String a = submitted.string("id");
        assertThat(submitted.location()).isEqualTo("/submissions/" + a);
        assertThat(submitted.string("status")).isEqualTo("SUBMITTED");
        assertThat(submitted.get("revision")).isEqualTo(0);
        assertThat(submitted.string("eventId")).isEqualTo(event.eventId());
        assertThat(submitted.list("speakers")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("id", menschId).containsEntry("role", "PRIMARY")
                        .containsEntry("affiliation", "PhD Candidate at INRIA Parietal"));

        DecodedMessage submittedMessage = message(a, TalkSubmitted.class);
        assertThat(submittedMessage.envelope().type()).isEqualTo("podium.talks.TalkSubmitted");
        assertThat(submittedMessage.envelope().source()).isEqualTo("/podium/talks-service");
        assertThat(submittedMessage.envelope().subject()).isEqualTo(a);
        TalkSubmitted talkSubmitted = submittedMessage.dataAs(TalkSubmitted.class);
        assertThat(talkSubmitted.submittedAt()).isEqualTo(T0);
        TalkSnapshot snapshot = talkSubmitted.talk();
        assertThat(snapshot.submissionId()).isEqualTo(a);
        assertThat(snapshot.eventId()).isEqualTo(event.eventId());
        assertThat(snapshot.groupId()).isEqualTo(event.groupId());
        assertThat(snapshot.title()).isEqualTo(mensch.title());
        assertThat(snapshot.abstractText()).isEqualTo(mensch.abstractText());
        assertThat(snapshot.format()).isEqualTo("TALK");
        assertThat(snapshot.durationMinutes()).isEqualTo(30);
        assertThat(snapshot.language()).isEqualTo("en");
        assertThat(snapshot.level()).isEqualTo("ADVANCED");
        assertThat(snapshot.tags()).containsExactly("deep-learning");
        assertThat(snapshot.status()).isEqualTo("SUBMITTED");
        assertThat(snapshot.speakers()).singleElement().satisfies(s -> {
            assertThat(s.speakerId()).isEqualTo(menschId);
            assertThat(s.name()).isEqualTo("Arthur Mensch");
            assertThat(s.affiliation()).isEqualTo("PhD Candidate at INRIA Parietal");
            assertThat(s.email()).endsWith("@speakers.example.org");
        });

        // The speaker edits: a new revision, the old one kept.
        clock.advance(Duration.ofHours(1));
        String newTitle = "Differentiable Dynamic Programming for Structured Prediction";
        Api.Response edited = arthur.patch("/submissions/" + a,
                Map.of("title", newTitle, "durationMinutes", 40, "tags", List.of("dynamic-programming", "attention"))).isOk(200);
        assertThat(edited.get("revision")).isEqualTo(1);
        assertThat(edited.string("title")).isEqualTo(newTitle);
        assertThat(edited.string("abstract")).isEqualTo(mensch.abstractText());
        TalkUpdated updated = message(a, TalkUpdated.class).dataAs(TalkUpdated.class);
        assertThat(updated.revision()).isEqualTo(1);
        assertThat(updated.updatedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(updated.talk().title()).isEqualTo(newTitle);
        assertThat(updated.talk().durationMinutes()).isEqualTo(40);
        assertThat(updated.talk().tags()).containsExactly("dynamic-programming", "attention");
        arthur.patch("/submissions/" + a, Map.of("title", newTitle)).isOk(200);
        Api.Response revisions = arthur.call(io.micronaut.http.HttpRequest.GET("/submissions/" + a + "/revisions"));
        assertThat(revisions.text()).startsWith("[");
        List<Map<String, Object>> history = parseList(revisions.text());
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).containsEntry("revision", 0).containsEntry("title", mensch.title())
                .containsEntry("durationMinutes", 30).containsEntry("tags", List.of("deep-learning"))
                .containsEntry("revisedAt", T0.toString());
        assertThat(history.get(1)).containsEntry("revision", 1).containsEntry("title", newTitle)
                .containsEntry("abstract", mensch.abstractText()).containsEntry("durationMinutes", 40);

        SpeakerAccount oliverGrisel = speaker(grisel);
        Api olivier = api.as(oliverGrisel.identity());
        String b = submit(oliverGrisel, event, grisel).string("id");

        // Reviews: one per organiser, averaged.
        api.as(ALICE).post("/submissions/" + a + "/reviews", Map.of("score", 4, "comment", "Clear abstract")).isOk(201);
        api.as(BOB).post("/submissions/" + a + "/reviews", Map.of("score", 5)).isOk(201);
        api.as(ALICE).post("/submissions/" + a + "/reviews", Map.of("score", 1)).isProblem(409, "duplicate-review");
        api.as(ALICE).post("/submissions/" + b + "/reviews", Map.of("score", 2, "comment", "Overlaps with another talk")).isOk(201);
        Api.Response reviews = api.as(ALICE).get("/submissions/" + a + "/reviews").isOk(200);
        assertThat(reviews.get("averageScore")).isEqualTo(4.5);
        assertThat(reviews.get("reviewCount")).isEqualTo(2);
        assertThat(reviews.list("reviews")).extracting(r -> r.get("reviewer")).containsExactly(ALICE.email(), BOB.email());

        Api.Response board = api.as(ALICE).get("/events/" + event.eventId() + "/submissions?sort=score").isOk(200);
        assertThat(board.get("total")).isEqualTo(2);
        assertThat(board.list("items")).extracting(i -> i.get("id"), i -> i.get("averageScore"), i -> i.get("reviewCount"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a, 4.5, 2), org.assertj.core.groups.Tuple.tuple(b, 2.0, 1));

        // Staged decisions: recorded, invisible to speakers, nothing published.
        clock.advance(Duration.ofHours(1));
        Instant decidedAt = clock.instant();
        Api.Response accepted = api.as(ALICE).post("/submissions/" + a + "/accept", Map.of("reason", "Great fit for a research night")).isOk(200);
        assertThat(accepted.map("decision")).containsEntry("outcome", "ACCEPTED").containsEntry("decidedBy", ALICE.email())
                .containsEntry("released", false).containsEntry("reason", "Great fit for a research night")
                .containsEntry("decidedAt", decidedAt.toString());
        api.as(BOB).post("/submissions/" + b + "/accept", null).isOk(200);
        api.as(BOB).post("/submissions/" + b + "/reject", Map.of("reason", "Too close to another talk")).isOk(200);
        assertThat(arthur.get("/submissions/" + a).string("status")).isEqualTo("SUBMITTED");
        assertThat(arthur.get("/submissions/" + a).get("decision")).isNull();
        arthur.patch("/submissions/" + a, Map.of("title", "Too late")).isProblem(409, "submission-decided");
        assertThat(outboxCount(a, "podium.talks.TalkAccepted") + outboxCount(b, "podium.talks.TalkRejected")
                + outboxCount(b, "podium.talks.TalkAccepted")).isZero();

        // Release: each staged decision published once.
        clock.advance(Duration.ofHours(1));
        Api.Response release = api.as(ALICE).post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200);
        assertThat(release.get("accepted")).isEqualTo(1);
        assertThat(release.get("rejected")).isEqualTo(1);
        Api.Response afterRelease = arthur.get("/submissions/" + a);
        assertThat(afterRelease.string("status")).isEqualTo("ACCEPTED");
        assertThat(afterRelease.map("decision")).containsEntry("outcome", "ACCEPTED")
                .containsEntry("reason", "Great fit for a research night").containsEntry("releasedAt", clock.instant().toString());
        assertThat(olivier.get("/submissions/" + b).string("status")).isEqualTo("REJECTED");

        TalkAccepted talkAccepted = message(a, TalkAccepted.class).dataAs(TalkAccepted.class);
        assertThat(talkAccepted.reason()).isEqualTo("Great fit for a research night");
        assertThat(talkAccepted.decidedAt()).isEqualTo(decidedAt);
        assertThat(talkAccepted.talk().status()).isEqualTo("ACCEPTED");
        assertThat(talkAccepted.talk().title()).isEqualTo(newTitle);
        assertThat(talkAccepted.talk().eventId()).isEqualTo(event.eventId());
        TalkRejected talkRejected = message(b, TalkRejected.class).dataAs(TalkRejected.class);
        assertThat(talkRejected.reason()).isEqualTo("Too close to another talk");
        assertThat(talkRejected.talk().status()).isEqualTo("REJECTED");
        assertThat(talkRejected.talk().speakers()).extracting(SpeakerRef::name).containsExactly("Olivier Grisel");

        assertThat(api.as(ALICE).post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200).list("released")).isEmpty();
        assertThat(outboxCount(a, "podium.talks.TalkAccepted")).isEqualTo(1);
        assertThat(outboxCount(b, "podium.talks.TalkRejected")).isEqualTo(1);
        api.as(ALICE).post("/submissions/" + b + "/accept", Map.of()).isProblem(409, "decision-released");

        // The speaker confirms.
        Api.Response confirmed = arthur.post("/submissions/" + a + "/confirm", Map.of()).isOk(200);
        assertThat(confirmed.string("status")).isEqualTo("CONFIRMED");
        TalkConfirmed talkConfirmed = message(a, TalkConfirmed.class).dataAs(TalkConfirmed.class);
        assertThat(talkConfirmed.confirmedAt()).isEqualTo(clock.instant());
        assertThat(talkConfirmed.talk().status()).isEqualTo("CONFIRMED");
        arthur.post("/submissions/" + a + "/confirm", Map.of()).isProblem(409, "already-confirmed");
        olivier.post("/submissions/" + b + "/confirm", Map.of()).isProblem(409, "not-accepted");

        assertThat(api.as(ALICE).get("/events/" + event.eventId() + "/submissions?status=CONFIRMED").list("items"))
                .extracting(i -> i.get("id")).containsExactly(a);
        assertThat(api.as(BOB).get("/events/" + event.eventId() + "/submissions?status=REJECTED").list("items"))
                .singleElement().satisfies(i -> assertThat(i.get("decision")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry("released", true).containsEntry("decidedBy", BOB.email()));
    }

    @Test
    void withdrawBeforeTheEventOnly() {
        EventSnapshot event = meetupWithOpenCfp();
        SpeakerAccount speaker = speaker(seeds.get(2));
        Api me = api.as(speaker.identity());

        String c = submit(speaker, event, seeds.get(2)).string("id");
        Api.Response withdrawn = me.post("/submissions/" + c + "/withdraw", Map.of()).isOk(200);
        assertThat(withdrawn.string("status")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.string("withdrawnAt")).isEqualTo(T0.toString());
        TalkWithdrawn talkWithdrawn = message(c, TalkWithdrawn.class).dataAs(TalkWithdrawn.class);
        assertThat(talkWithdrawn.talk().status()).isEqualTo("WITHDRAWN");
        assertThat(talkWithdrawn.withdrawnAt()).isEqualTo(T0);

        // A staged decision disappears with the withdrawal: nothing to release.
        String d = submit(speaker, event, seeds.get(2)).string("id");
        api.as(ALICE).post("/submissions/" + d + "/accept", Map.of()).isOk(200);
        me.post("/submissions/" + d + "/withdraw", Map.of()).isOk(200);
        assertThat(api.as(ALICE).post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200).list("released")).isEmpty();
        assertThat(outboxCount(d, "podium.talks.TalkAccepted")).isZero();

        // An accepted, confirmed talk can be withdrawn until the event starts, not after.
        String e = submit(speaker, event, seeds.get(2)).string("id");
        api.as(ALICE).post("/submissions/" + e + "/accept", Map.of()).isOk(200);
        api.as(ALICE).post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200);
        me.post("/submissions/" + e + "/confirm", Map.of()).isOk(200);
        clock.set(event.startsAtUtc());
        me.post("/submissions/" + e + "/withdraw", Map.of()).isProblem(409, "event-started");
        clock.set(event.startsAtUtc().minusSeconds(1));
        assertThat(me.post("/submissions/" + e + "/withdraw", Map.of()).isOk(200).string("status")).isEqualTo("WITHDRAWN");
    }

    @Test
    void callForPapersWindow() {
        EventSnapshot event = Fixtures.knownEvent(codec, catalog,
                Fixtures.event("dl-paris", "Deep Learning Meetup #14", "DRAFT", LocalDateTime.of(2026, 4, 4, 19, 0), "Europe/Paris"));
        Instant opens = T0.plus(Duration.ofDays(1));
        Instant closes = T0.plus(Duration.ofDays(2));
        Api alice = api.as(ALICE);
        Api.Response window = alice.put("/events/" + event.eventId() + "/cfp", cfp(opens, closes)).isOk(200);
        assertThat(window.get("open")).isEqualTo(false);
        assertThat(window.string("opensAt")).isEqualTo(opens.toString());
        SpeakerAccount speaker = speaker(seeds.get(0));
        Api me = api.as(speaker.identity());
        Map<String, Object> request = submission(speaker.id(), event.eventId(), seeds.get(0).title(), seeds.get(0).abstractText());

        Api.Response tooEarly = me.post("/submissions", request).isProblem(409, "cfp-closed");
        assertThat(tooEarly.string("detail")).contains("opens at " + opens);
        clock.set(opens);
        me.post("/submissions", request).isOk(201);
        assertThat(api.get("/events/" + event.eventId() + "/cfp").get("open")).isEqualTo(true);
        clock.set(closes.minusNanos(1000));
        me.post("/submissions", request).isOk(201);
        clock.set(closes);
        Api.Response tooLate = me.post("/submissions", request).isProblem(409, "cfp-closed");
        assertThat(tooLate.string("detail")).contains("closed at " + closes);

        // Organisers extend the call.
        alice.put("/events/" + event.eventId() + "/cfp", cfp(opens, closes.plus(Duration.ofDays(1)))).isOk(200);
        me.post("/submissions", request).isOk(201);
        assertThat(alice.get("/events/" + event.eventId() + "/submissions").get("total")).isEqualTo(3);

        // A group's open call, for talks not tied to an event yet.
        String slug = "paiss-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.knownGroup(codec, catalog, Fixtures.group(slug, ALICE));
        Map<String, Object> openCall = with(with(request, "eventId", null), "groupSlug", slug);
        me.post("/submissions", openCall).isProblem(409, "cfp-closed");
        alice.put("/groups/" + slug + "/cfp", cfp(T0, T0.plus(Duration.ofDays(90)))).isOk(200);
        Api.Response toGroup = me.post("/submissions", openCall).isOk(201);
        assertThat(toGroup.get("eventId")).isNull();
        assertThat(toGroup.string("groupId")).isEqualTo(Fixtures.groupId(slug));
        TalkSnapshot groupTalk = message(toGroup.string("id"), TalkSubmitted.class).dataAs(TalkSubmitted.class).talk();
        assertThat(groupTalk.eventId()).isNull();
        assertThat(groupTalk.groupId()).isEqualTo(Fixtures.groupId(slug));
        assertThat(alice.get("/groups/" + slug + "/submissions").list("items")).extracting(i -> i.get("id"))
                .containsExactly(toGroup.string("id"));
        api.as(ALICE).post("/submissions/" + toGroup.string("id") + "/accept", Map.of()).isOk(200);
        assertThat(alice.post("/groups/" + slug + "/decisions/release", Map.of()).isOk(200).get("accepted")).isEqualTo(1);
        assertThat(catalog.organisersOf(Fixtures.groupId(slug))).containsExactly(ALICE.email());
    }

    @Test
    void coSpeakerJoinsThroughTheSignedInvitation() {
        EventSnapshot event = meetupWithOpenCfp();
        Fixtures.SeedTalk luvizon = seeds.get(2);
        SpeakerAccount diogo = speaker(luvizon);
        String primaryId = diogo.id();
        Api primary = api.as(diogo.identity());
        String talk = submit(diogo, event, luvizon).string("id");
        String coSpeakerEmail = "co-" + UUID.randomUUID() + "@etis.example.org";
        Identity hedi = Fixtures.person("Hedi Tabia", coSpeakerEmail);
        Api coSpeaker = api.as(hedi);

        Api.Response invited = primary.post("/submissions/" + talk + "/invitations", Map.of("email", coSpeakerEmail)).isOk(201);
        assertThat(invited.string("status")).isEqualTo("PENDING");
        assertThat(invited.string("expiresAt")).isEqualTo(T0.plus(Duration.ofDays(14)).toString());
        assertThat(invited.body()).doesNotContainKey("token");
        CoSpeakerInvited invitation = message(talk, CoSpeakerInvited.class).dataAs(CoSpeakerInvited.class);
        assertThat(invitation.inviteeEmail()).isEqualTo(coSpeakerEmail);
        assertThat(invitation.invitedByName()).isEqualTo("Diogo Luvizon");
        assertThat(invitation.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(14)));
        assertThat(invitation.talk().title()).isEqualTo(luvizon.title());
        assertThat(invitation.acceptUrl()).startsWith("https://podium.test/invitations/").endsWith("/accept");
        String token = invitation.acceptUrl().substring("https://podium.test/invitations/".length(),
                invitation.acceptUrl().length() - "/accept".length());

        // Tampered tokens are refused.
        String[] parts = token.split("\\.");
        String otherSignature = parts[2].charAt(0) == 'A' ? "B" + parts[2].substring(1) : "A" + parts[2].substring(1);
        for (String tampered : List.of(parts[0] + "." + parts[1] + "." + otherSignature,
                parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2],
                UUID.randomUUID() + "." + parts[1] + "." + parts[2],
                "not-a-token")) {
            coSpeaker.post("/invitations/" + tampered + "/accept", Map.of()).isProblem(400, "invalid-invitation-token");
        }

        // The invitee needs a speaker profile, then appears on the talk.
        coSpeaker.post("/invitations/" + token + "/accept", Map.of()).isProblem(422, "speaker-profile-required");
        String coSpeakerId = coSpeaker.post("/speakers", with(Fixtures.speaker("Hedi Tabia", "ETIS - Université de Cergy"), "email", coSpeakerEmail))
                .isOk(201).string("id");
        clock.advance(Duration.ofHours(2));
        Api.Response joined = coSpeaker.post("/invitations/" + token + "/accept", null).isOk(200);
        assertThat(joined.list("speakers")).extracting(s -> s.get("id"), s -> s.get("role"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(primaryId, "PRIMARY"),
                        org.assertj.core.groups.Tuple.tuple(coSpeakerId, "CO_SPEAKER"));
        TalkUpdated update = message(talk, TalkUpdated.class).dataAs(TalkUpdated.class);
        assertThat(update.talk().speakers()).extracting(SpeakerRef::name).containsExactly("Diogo Luvizon", "Hedi Tabia");
        assertThat(update.talk().speakers().get(1).affiliation()).isEqualTo("ETIS - Université de Cergy");
        assertThat(primary.get("/submissions/" + talk).list("speakers")).hasSize(2);

        coSpeaker.post("/invitations/" + token + "/accept", Map.of()).isProblem(409, "invitation-already-accepted");
        Api.Response listed = primary.call(io.micronaut.http.HttpRequest.GET("/submissions/" + talk + "/invitations"));
        assertThat(parseList(listed.text())).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("email", coSpeakerEmail).containsEntry("status", "ACCEPTED"));
        primary.post("/submissions/" + talk + "/invitations", Map.of("email", coSpeakerEmail)).isProblem(409, "already-a-speaker");

        // An invitation not accepted in time has expired.
        primary.post("/submissions/" + talk + "/invitations", Map.of("email", "late@example.org")).isOk(201);
        String lateToken = token(message(talk, CoSpeakerInvited.class, 2).get(1).dataAs(CoSpeakerInvited.class));
        clock.advance(Duration.ofDays(15));
        primary.post("/invitations/" + lateToken + "/accept", Map.of("speakerId", primaryId)).isProblem(410, "invitation-expired");
    }

    @Test
    void materialsOfAnAcceptedTalk() {
        EventSnapshot event = meetupWithOpenCfp();
        Fixtures.SeedTalk mensch = seeds.get(1);
        SpeakerAccount arthurMensch = speaker(mensch);
        Api arthur = api.as(arthurMensch.identity());
        String talk = submit(arthurMensch, event, mensch).string("id");
        Map<String, Object> materials = Map.of(
                "slidesUrl", "https://speakerdeck.com/arthurmensch/differentiable-dp",
                "videoUrl", "https://www.youtube.com/watch?v=abc123",
                "codeUrl", "https://github.com/arthurmensch/didyprog",
                "references", List.of(
                        Map.of("title", "Differentiable Dynamic Programming for Structured Prediction and Attention",
                                "url", "https://arxiv.org/abs/1802.03676"),
                        Map.of("title", "Neural Ordinary Differential Equations", "url", "https://arxiv.org/abs/1806.07366")));
        arthur.put("/submissions/" + talk + "/materials", materials).isProblem(409, "not-accepted");

        api.as(ALICE).post("/submissions/" + talk + "/accept", Map.of()).isOk(200);
        api.as(ALICE).post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200);
        clock.set(event.startsAtUtc().plus(Duration.ofDays(1)));
        Api.Response published = arthur.put("/submissions/" + talk + "/materials", materials).isOk(200);
        assertThat(published.string("slidesUrl")).isEqualTo("https://speakerdeck.com/arthurmensch/differentiable-dp");
        assertThat(published.list("references")).extracting(r -> r.get("url"))
                .containsExactly("https://arxiv.org/abs/1802.03676", "https://arxiv.org/abs/1806.07366");
        assertThat(api.get("/submissions/" + talk + "/materials").body()).isEqualTo(published.body());

        TalkMaterialsPublished message = message(talk, TalkMaterialsPublished.class).dataAs(TalkMaterialsPublished.class);
        assertThat(message.publishedAt()).isEqualTo(clock.instant());
        assertThat(message.talk().status()).isEqualTo("ACCEPTED");
        assertThat(message.materials().videoUrl()).isEqualTo("https://www.youtube.com/watch?v=abc123");
        assertThat(message.materials().codeUrl()).isEqualTo("https://github.com/arthurmensch/didyprog");
        assertThat(message.materials().references()).containsExactly(
                new Reference("Differentiable Dynamic Programming for Structured Prediction and Attention", "https://arxiv.org/abs/1802.03676"),
                new Reference("Neural Ordinary Differential Equations", "https://arxiv.org/abs/1806.07366"));

        Api.Response replaced = arthur.put("/submissions/" + talk + "/materials", Map.of("slidesUrl", "https://example.org/v2.pdf")).isOk(200);
        assertThat(replaced.list("references")).isEmpty();
        assertThat(replaced.get("videoUrl")).isNull();
        assertThat(message(talk, TalkMaterialsPublished.class, 2).get(1).dataAs(TalkMaterialsPublished.class).materials().slidesUrl())
                .isEqualTo("https://example.org/v2.pdf");
    }

    @Test
    void seedAbstractsRoundTripByteForByte() {
        EventSnapshot event = meetupWithOpenCfp();
        for (Fixtures.SeedTalk seed : seeds) {
            SpeakerAccount speaker = speaker(seed);
            String id = submit(speaker, event, seed).string("id");
            Api.Response stored = api.as(speaker.identity()).get("/submissions/" + id).isOk(200);
            assertThat(stored.string("abstract").getBytes(StandardCharsets.UTF_8)).isEqualTo(seed.abstractText().getBytes(StandardCharsets.UTF_8));
            assertThat(stored.string("title")).isEqualTo(seed.title());
            assertThat(stored.list("speakers").get(0)).containsEntry("name", seed.speaker()).containsEntry("affiliation", seed.affiliation());
            TalkSnapshot published = message(id, TalkSubmitted.class).dataAs(TalkSubmitted.class).talk();
            assertThat(published.abstractText()).isEqualTo(seed.abstractText());
            assertThat(published.speakers().get(0).affiliation()).isEqualTo(seed.affiliation());
        }
        assertThat(seeds.get(2).affiliation()).isEqualTo("PhD Candidate at ETIS - Université de Cergy");

        // Accents, emoji (outside the BMP), LaTeX, tabs, CRLF and trailing spaces, as in the other seeds.
        String lightning = "Neural ODEs 🎓🌅 — Mathematicians coming to DL.\r\n"
                + "In mathematics : \\( h_{t+1} = f(h_t, \\theta_t) + h_t \\)\t# step a fraction of a layer  \n"
                + "\\( {{dh_{t}}\\over{dt}} = f(h_t, \\theta_t, t) \\) — Montréal, NeurIPS 2018 ✨\n\n"
                + "“It’s alchemy, it never works… Only Yann can make it work.” πŸ‡«πŸ‡· 🚶🚷  ";
        SpeakerAccount martin = speaker(seeds.get(0));
        Api me = api.as(martin.identity());
        String id = me.post("/submissions", with(with(submission(martin.id(), event.eventId(), "Neural ODEs 🧮",
                lightning), "format", "LIGHTNING"), "durationMinutes", 5)).isOk(201).string("id");
        Api.Response stored = me.get("/submissions/" + id);
        assertThat(stored.string("abstract").getBytes(StandardCharsets.UTF_8)).isEqualTo(lightning.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.string("title")).isEqualTo("Neural ODEs 🧮");
        assertThat(message(id, TalkSubmitted.class).dataAs(TalkSubmitted.class).talk().abstractText()).isEqualTo(lightning);
    }

    // --- helpers ---

    private DecodedMessage message(String submissionId, Class<? extends PodiumMessage> type) {
        List<DecodedMessage> messages = message(submissionId, type, 1);
        return messages.get(messages.size() - 1);
    }

    /** The messages of this type about this submission, in order, once at least {@code count} were published. */
    private List<DecodedMessage> message(String submissionId, Class<? extends PodiumMessage> type, int count) {
        List<ConsumerRecord<String, String>> records = topic.await(
                r -> submissionId.equals(r.key()) && type.isInstance(codec.decode(r.value()).data()), count, Duration.ofSeconds(30));
        assertThat(records).as("%s messages about %s", type.getSimpleName(), submissionId).hasSizeGreaterThanOrEqualTo(count);
        return records.stream().map(r -> codec.decode(r.value())).toList();
    }

    private static String token(CoSpeakerInvited invitation) {
        String url = invitation.acceptUrl();
        return url.substring("https://podium.test/invitations/".length(), url.length() - "/accept".length());
    }

    private long outboxCount(String submissionId, String type) {
        return sql.count("SELECT COUNT(*) FROM outbox WHERE message_key = ? AND type = ?", submissionId, type);
    }

    private List<Map<String, Object>> parseList(String text) {
        try {
            return json.readValue(text, io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ZoneId paris() {
        return ZoneId.of("Europe/Paris");
    }
}
