package dev.podium.notifications.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvitationUidsTest {

    private final InvitationUids uids = new InvitationUids("a-test-secret-of-at-least-thirty-two-bytes", "podium.example");

    @Test
    void oneStableUidPerEventAndAddressThatVerifiesOnlyForThatAddress() {
        String uid = uids.issue("evt-1.2", "Zoe@Example.org");

        assertThat(uid).matches("evt-1\\.2\\.[A-Za-z0-9_-]{22}@podium\\.example").isEqualTo(uids.issue("evt-1.2", "zoe@example.org"));
        assertThat(uids.issue("evt-2", "zoe@example.org")).isNotEqualTo(uid);
        assertThat(uids.eventOf(uid, "ZOE@example.org")).contains("evt-1.2");
        assertThat(uids.eventOf(uid, "ada@example.org")).as("another attendee's address").isEmpty();
        char last = uid.charAt(uid.indexOf('@') - 1);
        String tampered = uid.substring(0, uid.indexOf('@') - 1) + (last == 'A' ? 'B' : 'A') + uid.substring(uid.indexOf('@'));
        assertThat(uids.eventOf(tampered, "zoe@example.org")).isEmpty();
        assertThat(uids.eventOf("evt-1.2@podium", "zoe@example.org")).as("the feed's UID").isEmpty();
        assertThat(uids.eventOf("nonsense", "zoe@example.org")).isEmpty();
        assertThat(new InvitationUids("another-secret-of-at-least-thirty-two-bytes", "podium.example")
                .eventOf(uid, "zoe@example.org")).as("signed with another key").isEmpty();
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new InvitationUids("short", "podium.example")).hasMessageContaining("NOTIFICATIONS_INVITATION_SECRET");
    }
}
