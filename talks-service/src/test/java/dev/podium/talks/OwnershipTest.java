package dev.podium.talks;

import static dev.podium.talks.Fixtures.cfp;
import static dev.podium.talks.Fixtures.speaker;
import static dev.podium.talks.Fixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.podium.contracts.MessageCodec;
import dev.podium.contracts.common.PersonRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.events.OrganiserAdded;
import dev.podium.devissuer.Identity;
import dev.podium.persistence.Sql;
import dev.podium.talks.Fixtures.SpeakerAccount;
import dev.podium.talks.catalog.Catalog;
import dev.podium.talks.invitation.InvitationTokens;
import dev.podium.testsupport.RealServers;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What people may not do to each other's things: a speaker guessing another's submission id learns
 * and changes nothing (IDOR), nobody submits with someone else's profile, speakers see their outcome
 * but never the reviews, emails stay with their owners, invitation links cannot be forged, and an
 * organiser added by email acts once signed in with that verified email.
 */
@MicronautTest(transactional = false)
class OwnershipTest implements RealServers {

    static final Identity ORLA = Fixtures.person("Orla Organiser", "orla@organisers.example.org");

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
    @Inject
    InvitationTokens invitationTokens;

    Api api;
    String slug;
    EventSnapshot event;

    @BeforeAll
    void setUp() {
        api = new Api(http, json);
        slug = "ownership-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.knownGroup(codec, catalog, Fixtures.group(slug, ORLA));
        event = Fixtures.knownEvent(codec, catalog,
                Fixtures.event(slug, "Deep Learning Meetup #13", "PUBLISHED", LocalDateTime.of(2030, 3, 7, 19, 0), "Europe/Paris"));
        Instant now = Instant.now();
        api.as(ORLA).put("/events/" + event.eventId() + "/cfp", cfp(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))))
                .isOk(200);
    }

    @Test
    void guessingAnotherSpeakersSubmissionIdRevealsAndChangesNothing() {
        SpeakerAccount victim = api.newSpeaker(speaker("Arthur Mensch", "PhD Candidate at INRIA Parietal"));
        String talk = submit(victim, "Differentiable Dynamic Programming");
        SpeakerAccount mallory = api.newSpeaker(speaker("Mallory", "Nowhere"));
        String own = submit(mallory, "My own talk");
        Api asMallory = api.as(mallory.identity());
        String base = "/submissions/" + talk;

        // Exactly what an id that does not exist gets.
        asMallory.get("/submissions/" + UUID.randomUUID()).isProblem(404, "not-found");
        asMallory.get(base).isProblem(404, "not-found");
        asMallory.get(base + "/revisions").isProblem(404, "not-found");
        asMallory.patch(base, Map.of("title", "Hijacked")).isProblem(404, "not-found");
        asMallory.post(base + "/withdraw", Map.of()).isProblem(404, "not-found");
        asMallory.post(base + "/confirm", Map.of()).isProblem(404, "not-found");
        asMallory.get(base + "/invitations").isProblem(404, "not-found");
        asMallory.post(base + "/invitations", Map.of("email", "mallory@example.org")).isProblem(404, "not-found");
        asMallory.put(base + "/materials", Map.of("slidesUrl", "https://example.org/evil.pdf")).isProblem(404, "not-found");
        asMallory.get(base + "/materials").isProblem(404, "not-found");
        asMallory.get(base + "/reviews").isProblem(404, "not-found");
        asMallory.get("/submissions/" + own).isOk(200);

        Api.Response untouched = api.as(victim.identity()).get(base).isOk(200);
        assertThat(untouched.string("status")).isEqualTo("SUBMITTED");
        assertThat(untouched.string("title")).isEqualTo("Differentiable Dynamic Programming");
        assertThat(untouched.get("revision")).isEqualTo(0);
        assertThat(sql.count("SELECT COUNT(*) FROM outbox WHERE message_key = ? AND type <> 'podium.talks.TalkSubmitted'", talk)).isZero();
        assertThat(sql.count("SELECT COUNT(*) FROM invitation WHERE submission_id = ?", talk)).isZero();
    }

    @Test
    void nobodySubmitsWithSomeoneElsesProfile() {
        SpeakerAccount victim = api.newSpeaker(speaker("Olivier Grisel", "Software Engineer at INRIA"));
        SpeakerAccount mallory = api.newSpeaker(speaker("Mallory", "Nowhere"));
        Api asMallory = api.as(mallory.identity());
        long before = sql.count("SELECT COUNT(*) FROM submission_speaker WHERE speaker_id = ?", victim.id());

        asMallory.post("/submissions", submission(victim.id(), event.eventId(), "In your name", "An abstract."))
                .isProblem(403, "forbidden");
        asMallory.post("/submissions", Fixtures.with(submission(mallory.id(), event.eventId(), "With you", "An abstract."),
                "speakerIds", List.of(mallory.id(), victim.id()))).isProblem(403, "forbidden");
        api.post("/submissions", submission(victim.id(), event.eventId(), "Anonymously", "An abstract."))
                .isProblem(401, "authentication-required");

        assertThat(sql.count("SELECT COUNT(*) FROM submission_speaker WHERE speaker_id = ?", victim.id())).isEqualTo(before);
        // An admin may submit on someone's behalf.
        api.as(Identity.admin("admin-" + UUID.randomUUID()))
                .post("/submissions", submission(victim.id(), event.eventId(), "On your behalf", "An abstract.")).isOk(201);
    }

    @Test
    void aSpeakerSeesTheOutcomeButNeitherScoresNorReviewersComments() {
        SpeakerAccount speaker = api.newSpeaker(speaker("Diogo Luvizon", "PhD Candidate at ETIS"));
        Api me = api.as(speaker.identity());
        String talk = submit(speaker, "Human Pose Regression");
        Api orla = api.as(ORLA);
        orla.post("/submissions/" + talk + "/reviews", Map.of("score", 2, "comment", "PRIVATE: the abstract oversells")).isOk(201);
        orla.post("/submissions/" + talk + "/accept", Map.of("reason", "Welcome to the research night")).isOk(200);
        orla.post("/events/" + event.eventId() + "/decisions/release", Map.of()).isOk(200);
        assertThat(orla.get("/submissions/" + talk + "/reviews").text()).contains("PRIVATE: the abstract oversells");

        Api.Response mine = me.get("/submissions/" + talk).isOk(200);
        assertThat(mine.string("status")).isEqualTo("ACCEPTED");
        assertThat(mine.map("decision")).containsEntry("outcome", "ACCEPTED").containsEntry("reason", "Welcome to the research night")
                .doesNotContainKey("decidedBy");
        assertThat(mine.body()).doesNotContainKeys("reviews", "averageScore", "reviewCount", "score");
        assertThat(mine.text()).doesNotContain("PRIVATE").doesNotContain(ORLA.email());
        assertThat(me.get("/submissions/" + talk + "/revisions").text()).doesNotContain("PRIVATE");
        me.get("/submissions/" + talk + "/reviews").isProblem(403, "forbidden");
    }

    @Test
    void profilesArePublicButEmailsStayWithTheirOwners() {
        SpeakerAccount arthur = api.newSpeaker(speaker("Arthur Mensch", "PhD Candidate at INRIA Parietal"));
        String profile = "/speakers/" + arthur.id();
        for (Api stranger : List.of(api, api.as(ORLA), api.as(Fixtures.person("Someone", "someone@example.org")))) {
            Api.Response seen = stranger.get(profile).isOk(200);
            assertThat(seen.string("name")).isEqualTo("Arthur Mensch");
            assertThat(seen.body()).doesNotContainKey("email");
        }
        assertThat(api.as(arthur.identity()).get(profile).string("email")).isEqualTo(arthur.identity().email());
        assertThat(api.as(Identity.admin("admin-" + UUID.randomUUID())).get(profile).string("email")).isEqualTo(arthur.identity().email());

        // On a talk, each speaker sees their own email; the group's organisers see all of them.
        String talk = submit(arthur, "Differentiable Dynamic Programming");
        Identity hedi = Fixtures.person("Hedi Tabia", "hedi-" + UUID.randomUUID() + "@etis.example.org");
        String hediId = api.as(hedi).post("/speakers", Map.of("name", "Hedi Tabia", "affiliation", "ETIS")).isOk(201).string("id");
        api.as(hedi).post("/invitations/" + invite(arthur, talk, hedi.email()) + "/accept", Map.of()).isOk(200);

        assertThat(emails(api.as(hedi).get("/submissions/" + talk))).containsExactly(null, hedi.email());
        assertThat(emails(api.as(arthur.identity()).get("/submissions/" + talk))).containsExactly(arthur.identity().email(), null);
        assertThat(emails(api.as(ORLA).get("/submissions/" + talk))).containsExactly(arthur.identity().email(), hedi.email());
        assertThat(api.as(hedi).get("/submissions/" + talk).list("speakers")).extracting(s -> s.get("id"))
                .containsExactly(arthur.id(), hediId);
        // A co-speaker sees the talk; its primary speaker owns it.
        api.as(hedi).patch("/submissions/" + talk, Map.of("title", "Mine now")).isProblem(403, "forbidden");
        api.as(hedi).get("/submissions/" + talk + "/invitations").isProblem(403, "forbidden");
    }

    @Test
    void invitationLinksCannotBeForged() {
        SpeakerAccount arthur = api.newSpeaker(speaker("Arthur Mensch", "PhD Candidate at INRIA Parietal"));
        String talk = submit(arthur, "Differentiable Dynamic Programming");
        Identity invitee = Fixtures.person("Hedi Tabia", "hedi-" + UUID.randomUUID() + "@etis.example.org");
        String inviteeProfile = api.as(invitee).post("/speakers", Map.of("name", "Hedi Tabia", "affiliation", "ETIS")).isOk(201).string("id");
        String token = invite(arthur, talk, invitee.email());
        String otherToken = invite(arthur, talk, "someone-" + UUID.randomUUID() + "@example.org");
        String[] parts = token.split("\\.");
        String[] otherParts = otherToken.split("\\.");
        Api asInvitee = api.as(invitee);

        api.post("/invitations/" + token + "/accept", Map.of()).isProblem(401, "authentication-required");
        String flipped = (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);
        for (String forged : List.of(
                parts[0] + "." + parts[1] + "." + flipped,
                otherParts[0] + "." + parts[1] + "." + parts[2],
                parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2],
                parts[0] + "." + parts[1],
                parts[0] + "." + parts[1] + "." + otherParts[2])) {
            asInvitee.post("/invitations/" + forged + "/accept", Map.of()).isProblem(400, "invalid-invitation-token");
        }
        // A genuine token does not let its holder join as somebody else.
        SpeakerAccount bystander = api.newSpeaker(speaker("Bystander", "Elsewhere"));
        asInvitee.post("/invitations/" + token + "/accept", Map.of("speakerId", bystander.id())).isProblem(403, "forbidden");
        assertThat(sql.count("SELECT COUNT(*) FROM submission_speaker WHERE submission_id = ?", talk)).isEqualTo(1);

        asInvitee.post("/invitations/" + token + "/accept", Map.of("speakerId", inviteeProfile)).isOk(200);
        assertThat(sql.count("SELECT COUNT(*) FROM submission_speaker WHERE submission_id = ?", talk)).isEqualTo(2);
    }

    @Test
    void aCoOrganiserAddedByEmailActsOnceSignedInWithThatEmail() {
        Identity dana = Fixtures.person("Dana", "dana-" + UUID.randomUUID() + "@organisers.example.org");
        String board = "/events/" + event.eventId() + "/submissions";
        api.as(dana).get(board).isProblem(403, "forbidden");

        // events-service knew Dana by email only; a later message without a sub keeps the sub known for Orla.
        String groupId = Fixtures.groupId(slug);
        Fixtures.publish(codec, new OrganiserAdded(groupId, slug, new PersonRef(null, "Orla", ORLA.email()), Instant.now()));
        Fixtures.publish(codec, new OrganiserAdded(groupId, slug, new PersonRef(null, "Dana", dana.email()), Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> catalog.organisersOf(groupId).contains(dana.email()));

        api.as(dana).get(board).isOk(200);
        api.as(ORLA).get(board).isOk(200);
        assertThat(sql.count("SELECT COUNT(*) FROM group_organiser WHERE group_id = ? AND email = ? AND sub = ?",
                groupId, ORLA.email(), ORLA.sub())).isEqualTo(1);
        api.as(Fixtures.person("Dana", "not-dana-" + UUID.randomUUID() + "@organisers.example.org")).get(board)
                .isProblem(403, "forbidden");
    }

    @Test
    void aProfileMadeBeforeAccountsBelongsToWhoeverHasItsVerifiedEmail() {
        String email = "legacy-" + UUID.randomUUID() + "@speakers.example.org";
        String id = UUID.randomUUID().toString();
        sql.update("INSERT INTO speaker (id, owner_sub, name, email, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?)",
                id, "Yann LeCun", email, Instant.now(), Instant.now());
        Identity yann = Fixtures.person("Yann LeCun", email);

        api.as(yann).post("/speakers", Map.of("name", "Yann LeCun")).isProblem(409, "speaker-profile-exists");
        assertThat(api.as(yann).patch("/speakers/" + id, Map.of("affiliation", "NYU")).isOk(200).string("email")).isEqualTo(email);
        api.as(Fixtures.person("Impostor", "impostor@example.org")).patch("/speakers/" + id, Map.of("name", "Impostor"))
                .isProblem(403, "forbidden");
        assertThat(api.get("/speakers/" + id).string("name")).isEqualTo("Yann LeCun");
    }

    // --- helpers ---

    private String submit(SpeakerAccount speaker, String title) {
        return api.as(speaker.identity()).post("/submissions", submission(speaker.id(), event.eventId(), title, "An abstract."))
                .isOk(201).string("id");
    }

    /** The primary speaker invites {@code email}; the token is the one the invitation email carries. */
    private String invite(SpeakerAccount primary, String talk, String email) {
        Api.Response invitation = api.as(primary.identity()).post("/submissions/" + talk + "/invitations", Map.of("email", email))
                .isOk(201);
        return invitationTokens.issue(invitation.string("id"), Instant.parse(invitation.string("expiresAt")));
    }

    private static List<Object> emails(Api.Response submission) {
        return submission.list("speakers").stream().map(s -> s.get("email")).toList();
    }
}
