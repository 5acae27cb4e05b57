package dev.podium.notifications.unsubscribe;

import dev.podium.security.startup.RequiredSetting;
import dev.podium.security.startup.ServiceSecrets;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The keys signing unsubscribe links and invitation UIDs: checked at start outside development
 * (ProductionSettingsCheck).
 */
@Singleton
final class NotificationsSecrets implements ServiceSecrets {

    @Override
    public List<RequiredSetting> secrets() {
        return List.of(new RequiredSetting("podium.notifications.unsubscribe-secret", "NOTIFICATIONS_UNSUBSCRIBE_SECRET"),
                new RequiredSetting("podium.notifications.invitation-secret", "NOTIFICATIONS_INVITATION_SECRET"));
    }
}
