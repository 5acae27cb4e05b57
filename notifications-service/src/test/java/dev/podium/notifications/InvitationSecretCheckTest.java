package dev.podium.notifications;

import dev.podium.testsupport.ProductionSettingsContract;

/** The key of invitation UIDs is checked at start like the unsubscribe key. */
class InvitationSecretCheckTest extends ProductionSettingsContract {

    InvitationSecretCheckTest() {
        super("podium.notifications.invitation-secret", "NOTIFICATIONS_INVITATION_SECRET");
    }
}
