package dev.podium.talks.speaker;

import static dev.podium.talks.TalksFixtures.speaker;
import static dev.podium.talks.TalksFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.contracts.events.EventSnapshot;
import dev.podium.devissuer.Identity;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures;
import dev.podium.talks.TalksFixtures.SpeakerAccount;
import dev.podium.talks.TalksServiceTest;
import dev.podium.talks.invitation.InvitationTokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Speaker profiles are public but their emails stay with their owners (on a talk, each speaker sees
 * their own, the group's organisers all); a profile made before accounts belongs to whoever signs in
 * with its verified email.
 */
@MicronautTest(transactional = false)
class SpeakerTest extends TalksServiceTest {

    static final Identity ORLA = TalksFixtures.person("Orla Organiser", "orla@organisers.example.org");

    @Inject
    InvitationTokens invitationTokens;

    EventSnapshot event;

    @BeforeAll
    void setUp() {
        event = newGroupWithOpenCfp("speakers-" + UUID.randomUUID().toString().substring(0, 8), ORLA);
    }

    @Test
    void profilesArePublicButEmailsStayWithTheirOwners() {
        SpeakerAccount arthur = api.newSpeaker(speaker("Arthur Mensch", "PhD Candidate at INRIA Parietal"));
        String profile = "/speakers/" + arthur.id();
        for (TalksApi stranger : List.of(api, api.as(ORLA), api.as(TalksFixtures.person("Someone", "someone@example.org")))) {
            TalksApi.Response seen = stranger.get(profile).isOk(200);
            assertThat(seen.string("name")).isEqualTo("Arthur Mensch");
            assertThat(seen.body()).doesNotContainKey("email");
        }
        assertThat(api.as(arthur.identity()).get(profile).string("email")).isEqualTo(arthur.identity().email());
        assertThat(api.as(Identity.admin("admin-" + UUID.randomUUID())).get(profile).string("email")).isEqualTo(arthur.identity().email());

        // On a talk, each speaker sees their own email; the group's organisers see all of them.
        String talk = submit(arthur, "Differentiable Dynamic Programming");
        Identity hedi = TalksFixtures.person("Hedi Tabia", "hedi-" + UUID.randomUUID() + "@etis.example.org");
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
    void aProfileMadeBeforeAccountsBelongsToWhoeverHasItsVerifiedEmail() {
        String email = "legacy-" + UUID.randomUUID() + "@speakers.example.org";
        String id = UUID.randomUUID().toString();
        sql.update("INSERT INTO speaker (id, owner_sub, name, email, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?)",
                id, "Yann LeCun", email, Instant.now(), Instant.now());
        Identity yann = TalksFixtures.person("Yann LeCun", email);

        api.as(yann).post("/speakers", Map.of("name", "Yann LeCun")).isProblem(409, "speaker-profile-exists");
        assertThat(api.as(yann).patch("/speakers/" + id, Map.of("affiliation", "NYU")).isOk(200).string("email")).isEqualTo(email);
        api.as(TalksFixtures.person("Impostor", "impostor@example.org")).patch("/speakers/" + id, Map.of("name", "Impostor"))
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
        TalksApi.Response invitation = api.as(primary.identity()).post("/submissions/" + talk + "/invitations", Map.of("email", email))
                .isOk(201);
        return invitationTokens.issue(invitation.string("id"), Instant.parse(invitation.string("expiresAt")));
    }

    private static List<Object> emails(TalksApi.Response submission) {
        return submission.list("speakers").stream().map(s -> s.get("email")).toList();
    }
}
