package dev.podium.talks.invitation;

import static dev.podium.talks.TalksFixtures.speaker;
import static dev.podium.talks.TalksFixtures.submission;
import static dev.podium.talks.TalksFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.podium.contracts.common.SpeakerRef;
import dev.podium.contracts.events.EventSnapshot;
import dev.podium.contracts.talks.CoSpeakerInvited;
import dev.podium.contracts.talks.TalkUpdated;
import dev.podium.devissuer.Identity;
import dev.podium.talks.OpenCfpTest;
import dev.podium.talks.TalksApi;
import dev.podium.talks.TalksFixtures;
import dev.podium.talks.TalksFixtures.SeedTalk;
import dev.podium.talks.TalksFixtures.SpeakerAccount;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Co-speakers: the primary speaker invites by email, the signed link in CoSpeakerInvited lets the
 * invitee join with their own profile, once, until it expires; tampered or forged links are refused.
 */
@MicronautTest(transactional = false)
@Property(name = "podium.talks.public-base-url", value = "https://podium.test/")
class InvitationTest extends OpenCfpTest {

    @Inject
    InvitationTokens invitationTokens;

    @Test
    void coSpeakerJoinsThroughTheSignedInvitation() {
        EventSnapshot event = meetupWithOpenCfp();
        SeedTalk luvizon = seeds.get(2);
        SpeakerAccount diogo = api.newSpeaker(luvizon);
        String primaryId = diogo.id();
        TalksApi primary = api.as(diogo.identity());
        String talk = api.submit(diogo, event.eventId(), luvizon).string("id");
        String coSpeakerEmail = "co-" + UUID.randomUUID() + "@etis.example.org";
        Identity hedi = TalksFixtures.person("Hedi Tabia", coSpeakerEmail);
        TalksApi coSpeaker = api.as(hedi);

        TalksApi.Response invited = primary.post("/submissions/" + talk + "/invitations", Map.of("email", coSpeakerEmail)).isOk(201);
        assertThat(invited.string("status")).isEqualTo("PENDING");
        assertThat(invited.string("expiresAt")).isEqualTo(T0.plus(Duration.ofDays(14)).toString());
        assertThat(invited.body()).doesNotContainKey("token");
        CoSpeakerInvited invitation = topic.message(talk, CoSpeakerInvited.class).dataAs(CoSpeakerInvited.class);
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
        String coSpeakerId = coSpeaker.post("/speakers", with(TalksFixtures.speaker("Hedi Tabia", "ETIS - Université de Cergy"), "email", coSpeakerEmail))
                .isOk(201).string("id");
        clock.advance(Duration.ofHours(2));
        TalksApi.Response joined = coSpeaker.post("/invitations/" + token + "/accept", null).isOk(200);
        assertThat(joined.list("speakers")).extracting(s -> s.get("id"), s -> s.get("role"))
                .containsExactly(tuple(primaryId, "PRIMARY"),
                        tuple(coSpeakerId, "CO_SPEAKER"));
        TalkUpdated update = topic.message(talk, TalkUpdated.class).dataAs(TalkUpdated.class);
        assertThat(update.talk().speakers()).extracting(SpeakerRef::name).containsExactly("Diogo Luvizon", "Hedi Tabia");
        assertThat(update.talk().speakers().get(1).affiliation()).isEqualTo("ETIS - Université de Cergy");
        assertThat(primary.get("/submissions/" + talk).list("speakers")).hasSize(2);

        coSpeaker.post("/invitations/" + token + "/accept", Map.of()).isProblem(409, "invitation-already-accepted");
        TalksApi.Response listed = primary.get("/submissions/" + talk + "/invitations");
        assertThat(listed.elements()).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("email", coSpeakerEmail).containsEntry("status", "ACCEPTED"));
        primary.post("/submissions/" + talk + "/invitations", Map.of("email", coSpeakerEmail)).isProblem(409, "already-a-speaker");

        // An invitation not accepted in time has expired.
        primary.post("/submissions/" + talk + "/invitations", Map.of("email", "late@example.org")).isOk(201);
        String lateToken = token(topic.messages(talk, CoSpeakerInvited.class, 2).get(1).dataAs(CoSpeakerInvited.class));
        clock.advance(Duration.ofDays(15));
        primary.post("/invitations/" + lateToken + "/accept", Map.of("speakerId", primaryId)).isProblem(410, "invitation-expired");
    }

    @Test
    void invitationLinksCannotBeForged() {
        EventSnapshot event = meetupWithOpenCfp();
        SpeakerAccount arthur = api.newSpeaker(speaker("Arthur Mensch", "PhD Candidate at INRIA Parietal"));
        String talk = api.as(arthur.identity()).post("/submissions",
                submission(arthur.id(), event.eventId(), "Differentiable Dynamic Programming", "An abstract.")).isOk(201).string("id");
        Identity invitee = TalksFixtures.person("Hedi Tabia", "hedi-" + UUID.randomUUID() + "@etis.example.org");
        String inviteeProfile = api.as(invitee).post("/speakers", Map.of("name", "Hedi Tabia", "affiliation", "ETIS")).isOk(201).string("id");
        String token = invite(arthur, talk, invitee.email());
        String otherToken = invite(arthur, talk, "someone-" + UUID.randomUUID() + "@example.org");
        String[] parts = token.split("\\.");
        String[] otherParts = otherToken.split("\\.");
        TalksApi asInvitee = api.as(invitee);

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

    /** The primary speaker invites {@code email}; the token is the one the invitation email carries. */
    private String invite(SpeakerAccount primary, String talk, String email) {
        TalksApi.Response invitation = api.as(primary.identity()).post("/submissions/" + talk + "/invitations", Map.of("email", email))
                .isOk(201);
        return invitationTokens.issue(invitation.string("id"), Instant.parse(invitation.string("expiresAt")));
    }

    private static String token(CoSpeakerInvited invitation) {
        String url = invitation.acceptUrl();
        return url.substring("https://podium.test/invitations/".length(), url.length() - "/accept".length());
    }
}
