package dev.podium.talks;

import static dev.podium.talks.TalksFixtures.cfp;
import static dev.podium.talks.TalksFixtures.speaker;
import static dev.podium.talks.TalksFixtures.submission;
import static dev.podium.testsupport.AuthorizationMatrix.Principal.ADMIN;
import static dev.podium.testsupport.AuthorizationMatrix.Principal.ORGANISER;
import static dev.podium.testsupport.AuthorizationMatrix.Principal.OTHER_GROUPS_ORGANISER;
import static dev.podium.testsupport.AuthorizationMatrix.Principal.OTHER_SPEAKER;
import static dev.podium.testsupport.AuthorizationMatrix.Principal.OWNER_SPEAKER;
import static io.micronaut.http.HttpMethod.GET;
import static io.micronaut.http.HttpMethod.PATCH;
import static io.micronaut.http.HttpMethod.POST;
import static io.micronaut.http.HttpMethod.PUT;

import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.talks.TalksFixtures.SpeakerAccount;
import dev.podium.talks.invitation.InvitationTokens;
import dev.podium.testsupport.AuthorizationMatrix;
import dev.podium.testsupport.AuthorizationMatrix.Principal;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what in talks-service, written by hand: every route × (anonymous, another group's
 * organiser, this group's organiser, another speaker, the owner speaker, admin). Submissions are
 * private: 401 without a token, 404 to those who may not know one exists (another group's organiser,
 * another speaker), 403 to those who see it but may not act (its group's organisers on the speaker's
 * actions, its speaker on the organisers'). Organiser actions on public things (calls for papers,
 * review boards, releases) answer 403 to everyone signed in but the group's organisers and admin.
 */
@MicronautTest(transactional = false)
class AuthorizationMatrixTest extends TalksServiceTest {

    @Inject
    Router router;
    @Inject
    InvitationTokens invitationTokens;

    final Map<Principal, Identity> who = new EnumMap<>(Principal.class);
    String slug;
    EventSnapshot event;
    EventSnapshot acceptedTalksEvent;
    EventSnapshot nothingStagedEvent;
    SpeakerAccount owner;
    SpeakerAccount host;
    /** One accepted talk of the owner per principal, to confirm once each. */
    final Map<Principal, String> toConfirm = new EnumMap<>(Principal.class);
    String accepted;
    String withdrawnWithMaterials;

    @BeforeAll
    void setUp() {
        who.put(OTHER_GROUPS_ORGANISER, TalksFixtures.person("Otto Other", "otto-" + UUID.randomUUID() + "@organisers.example.org"));
        who.put(ORGANISER, TalksFixtures.person("Orla Organiser", "orla-" + UUID.randomUUID() + "@organisers.example.org"));
        who.put(OTHER_SPEAKER, TalksFixtures.person("Mallory Speaker", "mallory-" + UUID.randomUUID() + "@speakers.example.org"));
        who.put(OWNER_SPEAKER, TalksFixtures.person("Arthur Mensch", "arthur-" + UUID.randomUUID() + "@speakers.example.org"));
        who.put(ADMIN, Identity.admin("admin-" + UUID.randomUUID()));

        slug = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        TalksFixtures.knownGroup(codec, catalog, TalksFixtures.group(slug, who.get(ORGANISER)));
        TalksFixtures.knownGroup(codec, catalog, TalksFixtures.group(slug + "-other", who.get(OTHER_GROUPS_ORGANISER)));
        LocalDateTime start = LocalDateTime.of(2030, 3, 7, 19, 0);
        event = TalksFixtures.event(slug, "Deep Learning Meetup #13", "PUBLISHED", start, "Europe/Paris");
        acceptedTalksEvent = TalksFixtures.event(slug, "Deep Learning Meetup #14", "PUBLISHED", start.plusMonths(1), "Europe/Paris");
        nothingStagedEvent = TalksFixtures.event(slug, "Deep Learning Meetup #15", "PUBLISHED", start.plusMonths(2), "Europe/Paris");
        TalksFixtures.knownEvents(codec, catalog, event, acceptedTalksEvent, nothingStagedEvent);
        TalksApi organiser = api.as(who.get(ORGANISER));
        for (EventSnapshot e : List.of(event, acceptedTalksEvent, nothingStagedEvent)) {
            organiser.put("/events/" + e.eventId() + "/cfp", openCfp()).isOk(200);
        }
        organiser.put("/groups/" + slug + "/cfp", openCfp()).isOk(200);

        owner = new SpeakerAccount(who.get(OWNER_SPEAKER), api.as(who.get(OWNER_SPEAKER))
                .post("/speakers", profileOf(who.get(OWNER_SPEAKER))).isOk(201).string("id"));
        SpeakerAccount other = new SpeakerAccount(who.get(OTHER_SPEAKER), api.as(who.get(OTHER_SPEAKER))
                .post("/speakers", profileOf(who.get(OTHER_SPEAKER))).isOk(201).string("id"));
        submit(other, event);
        host = api.newSpeaker(speaker("Diogo Luvizon", "PhD Candidate at ETIS"));

        // Accepted talks of the owner: one to confirm per principal, one with materials, one withdrawn after.
        for (Principal principal : Principal.values()) {
            toConfirm.put(principal, submit(owner, acceptedTalksEvent));
        }
        accepted = submit(owner, acceptedTalksEvent);
        withdrawnWithMaterials = submit(owner, acceptedTalksEvent);
        for (String id : List.of(accepted, withdrawnWithMaterials)) {
            organiser.post("/submissions/" + id + "/accept", Map.of()).isOk(200);
        }
        toConfirm.values().forEach(id -> organiser.post("/submissions/" + id + "/accept", Map.of()).isOk(200));
        organiser.post("/events/" + acceptedTalksEvent.eventId() + "/decisions/release", Map.of()).isOk(200);
        TalksApi ownerApi = api.as(owner.identity());
        for (String id : List.of(accepted, withdrawnWithMaterials)) {
            ownerApi.put("/submissions/" + id + "/materials", materials()).isOk(200);
        }
        ownerApi.post("/submissions/" + withdrawnWithMaterials + "/withdraw", Map.of()).isOk(200);
    }

    @Test
    void everyRouteAnswersAsTheTableSays() {
        String ownersProfile = owner.id();
        String read = submit(owner, event);
        String reviewed = submit(owner, event);
        String decided = submit(owner, event);
        String invitedTo = submit(owner, event);
        String hostsTalk = submit(host, event);
        String eventId = event.eventId();

        AuthorizationMatrix matrix = new AuthorizationMatrix(who);
        // First: it gives the organisers and admin the profile they accept invitations with below.
        matrix.row(POST, "/speakers", p -> HttpRequest.POST("/speakers", profileOf(who.get(p))))
                .expect(401, 201, 201, 409, 409, 201);
        matrix.read("/speakers/{id}", p -> "/speakers/" + ownersProfile).expect(200, 200, 200, 200, 200, 200);
        matrix.row(PATCH, "/speakers/{id}", p -> HttpRequest.PATCH("/speakers/" + ownersProfile, Map.of("bio", "Edited by " + p)))
                .expect(401, 403, 403, 403, 200, 200);

        matrix.row(POST, "/submissions", p -> HttpRequest.POST("/submissions", submission(owner.id(), eventId, "A talk", "An abstract.")))
                .expect(401, 403, 403, 403, 201, 201);
        matrix.read("/submissions/{id}", p -> "/submissions/" + read).expect(401, 404, 200, 404, 200, 200);
        matrix.row(PATCH, "/submissions/{id}", p -> HttpRequest.PATCH("/submissions/" + read, Map.of("title", "Edited by " + p)))
                .expect(401, 404, 403, 404, 200, 200);
        matrix.read("/submissions/{id}/revisions", p -> "/submissions/" + read + "/revisions").expect(401, 404, 200, 404, 200, 200);
        matrix.row(POST, "/submissions/{id}/withdraw", p -> HttpRequest.POST("/submissions/" + submit(owner, event) + "/withdraw", Map.of()))
                .expect(401, 404, 403, 404, 200, 200);
        matrix.row(POST, "/submissions/{id}/confirm", p -> HttpRequest.POST("/submissions/" + toConfirm.get(p) + "/confirm", Map.of()))
                .expect(401, 404, 403, 404, 200, 200);

        matrix.row(POST, "/submissions/{id}/reviews", p -> HttpRequest.POST("/submissions/" + reviewed + "/reviews", Map.of("score", 4)))
                .expect(401, 404, 201, 404, 403, 201);
        matrix.read("/submissions/{id}/reviews", p -> "/submissions/" + reviewed + "/reviews").expect(401, 404, 200, 404, 403, 200);
        matrix.row(POST, "/submissions/{id}/accept", p -> HttpRequest.POST("/submissions/" + decided + "/accept", Map.of()))
                .expect(401, 404, 200, 404, 403, 200);
        matrix.row(POST, "/submissions/{id}/reject", p -> HttpRequest.POST("/submissions/" + decided + "/reject", Map.of("reason", "Off topic")))
                .expect(401, 404, 200, 404, 403, 200);
        matrix.row(POST, "/events/{eventId}/decisions/release",
                        p -> HttpRequest.POST("/events/" + nothingStagedEvent.eventId() + "/decisions/release", Map.of()))
                .expect(401, 403, 200, 403, 403, 200);
        matrix.row(POST, "/groups/{slug}/decisions/release", p -> HttpRequest.POST("/groups/" + slug + "/decisions/release", Map.of()))
                .expect(401, 403, 200, 403, 403, 200);
        matrix.read("/events/{eventId}/submissions", p -> "/events/" + eventId + "/submissions").expect(401, 403, 200, 403, 403, 200);
        matrix.read("/groups/{slug}/submissions", p -> "/groups/" + slug + "/submissions").expect(401, 403, 200, 403, 403, 200);

        matrix.row(PUT, "/events/{eventId}/cfp", p -> HttpRequest.PUT("/events/" + eventId + "/cfp", openCfp()))
                .expect(401, 403, 200, 403, 403, 200);
        matrix.read("/events/{eventId}/cfp", p -> "/events/" + eventId + "/cfp").expect(200, 200, 200, 200, 200, 200);
        matrix.row(PUT, "/groups/{slug}/cfp", p -> HttpRequest.PUT("/groups/" + slug + "/cfp", openCfp()))
                .expect(401, 403, 200, 403, 403, 200);
        matrix.read("/groups/{slug}/cfp", p -> "/groups/" + slug + "/cfp").expect(200, 200, 200, 200, 200, 200);

        matrix.row(POST, "/submissions/{id}/invitations",
                        p -> HttpRequest.POST("/submissions/" + invitedTo + "/invitations", Map.of("email", UUID.randomUUID() + "@example.org")))
                .expect(401, 404, 403, 404, 201, 201);
        matrix.read("/submissions/{id}/invitations", p -> "/submissions/" + invitedTo + "/invitations").expect(401, 404, 200, 404, 200, 200);
        // A genuine invitation to the host's talk for each caller: the token is what entitles them.
        matrix.row(POST, "/invitations/{token}/accept", p -> HttpRequest.POST("/invitations/" + invitationTo(hostsTalk) + "/accept", Map.of()))
                .expect(401, 200, 200, 200, 200, 200);

        matrix.row(PUT, "/submissions/{id}/materials", p -> HttpRequest.PUT("/submissions/" + accepted + "/materials", materials()))
                .expect(401, 404, 403, 404, 200, 200);
        matrix.read("/submissions/{id}/materials", p -> "/submissions/" + accepted + "/materials").expect(200, 200, 200, 200, 200, 200);
        // Once the talk is withdrawn, its materials are no longer public.
        matrix.read("/submissions/{id}/materials", p -> "/submissions/" + withdrawnWithMaterials + "/materials").expect(404, 404, 200, 404, 200, 200);

        matrix.read("/talks", p -> "/talks").expect(200, 200, 200, 200, 200, 200);
        matrix.read("/talks/{id}", p -> "/talks/" + accepted).expect(200, 200, 200, 200, 200, 200);
        // The archive shows the same to everyone: a talk outside it is not found, by its speaker and organisers too.
        matrix.read("/talks/{id}", p -> "/talks/" + read).expect(404, 404, 404, 404, 404, 404);
        matrix.read("/talks/{id}", p -> "/talks/" + withdrawnWithMaterials).expect(404, 404, 404, 404, 404, 404);
        // The pages at the same URLs follow the same rules.
        matrix.row(GET, "/talks", p -> page("/talks")).expect(200, 200, 200, 200, 200, 200);
        matrix.row(GET, "/talks/{id}", p -> page("/talks/" + accepted)).expect(200, 200, 200, 200, 200, 200);
        matrix.row(GET, "/talks/{id}", p -> page("/talks/" + read)).expect(404, 404, 404, 404, 404, 404);
        matrix.row(GET, "/speakers/{id}", p -> page("/speakers/" + ownersProfile)).expect(200, 200, 200, 200, 200, 200);
        matrix.read("/assets/podium.css", p -> "/assets/podium.css").expect(200, 200, 200, 200, 200, 200);

        matrix.read("/health", p -> "/health").expect(200, 200, 200, 200, 200, 200);
        matrix.read("/health/{selector}", p -> "/health/liveness").expect(200, 200, 200, 200, 200, 200);
        matrix.read("/prometheus", p -> "/prometheus").expect(401, 403, 403, 403, 403, 200);

        matrix.assertCoversEveryRoute(router);
        matrix.assertAnswers(http.toBlocking());
    }

    // --- helpers ---

    private String submit(SpeakerAccount speaker, EventSnapshot to) {
        return api.as(speaker.identity()).post("/submissions", submission(speaker.id(), to.eventId(), "A talk", "An abstract."))
                .isOk(201).string("id");
    }

    /** What a browser asks for: the page. */
    private static MutableHttpRequest<?> page(String uri) {
        return HttpRequest.GET(uri).accept(MediaType.TEXT_HTML_TYPE);
    }

    /** The host invites someone and hands over the token the email would carry. */
    private String invitationTo(String hostsTalk) {
        TalksApi.Response invitation = api.as(host.identity())
                .post("/submissions/" + hostsTalk + "/invitations", Map.of("email", UUID.randomUUID() + "@example.org")).isOk(201);
        return invitationTokens.issue(invitation.string("id"), Instant.parse(invitation.string("expiresAt")));
    }

    /** A profile for {@code identity}, null for the anonymous caller. */
    private static Map<String, Object> profileOf(Identity identity) {
        return Map.of("name", identity == null ? "Anonymous" : identity.name(), "affiliation", "Somewhere");
    }

    private static Map<String, Object> openCfp() {
        Instant now = Instant.now();
        return cfp(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    }

    private static Map<String, Object> materials() {
        return Map.of("slidesUrl", "https://speakerdeck.com/arthurmensch/differentiable-dp");
    }
}
