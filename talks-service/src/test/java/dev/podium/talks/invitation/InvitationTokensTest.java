package dev.podium.talks.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podium.api.PodiumProblem;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signed invitation tokens, without a server. */
class InvitationTokensTest {

    static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");
    static final Instant EXPIRY = Instant.parse("2026-02-15T10:00:00Z");

    final InvitationTokens tokens = new InvitationTokens("a-test-secret-of-at-least-thirty-two-bytes");
    final String id = UUID.randomUUID().toString();

    @Test
    void aGenuineTokenNamesItsInvitationUntilItExpires() {
        String token = tokens.issue(id, EXPIRY);
        assertThat(token).startsWith(id + "." + EXPIRY.getEpochSecond() + ".");
        assertThat(tokens.verify(token, NOW)).isEqualTo(id);
        assertThat(tokens.verify(token, EXPIRY.minusSeconds(1))).isEqualTo(id);
        assertThatThrownBy(() -> tokens.verify(token, EXPIRY))
                .isInstanceOfSatisfying(PodiumProblem.class, p -> {
                    assertThat(p.getStatus().getStatusCode()).isEqualTo(410);
                    assertThat(p.getType()).hasToString("https://podium.dev/problems/invitation-expired");
                });
    }

    @Test
    void tamperedTokensAreRefused() {
        String token = tokens.issue(id, EXPIRY);
        String[] parts = token.split("\\.");
        String otherId = UUID.randomUUID().toString();
        InvitationTokens otherSecret = new InvitationTokens("another-secret-of-at-least-thirty-two-bytes");
        for (String tampered : new String[] {
                otherId + "." + parts[1] + "." + parts[2],
                id + "." + (EXPIRY.getEpochSecond() + 3600) + "." + parts[2],
                id + "." + parts[1] + "." + parts[2].substring(1),
                id + "." + parts[1] + ".!!!",
                otherSecret.issue(id, EXPIRY),
                token + ".x", "", "garbage"}) {
            assertThatThrownBy(() -> tokens.verify(tampered, NOW)).as(tampered)
                    .isInstanceOfSatisfying(PodiumProblem.class, p -> {
                        assertThat(p.getStatus().getStatusCode()).isEqualTo(400);
                        assertThat(p.getType()).hasToString("https://podium.dev/problems/invalid-invitation-token");
                    });
        }
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new InvitationTokens("too-short")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TALKS_INVITATION_SECRET");
    }
}
