package dev.podium.talks.invitation;

import dev.podium.security.startup.RequiredSetting;
import dev.podium.security.startup.ServiceSecrets;
import jakarta.inject.Singleton;
import java.util.List;

/** The key signing co-speaker invitations: checked at start outside development (ProductionSettingsCheck). */
@Singleton
final class TalksSecrets implements ServiceSecrets {

    @Override
    public List<RequiredSetting> secrets() {
        return List.of(new RequiredSetting("podium.talks.invitation-secret", "TALKS_INVITATION_SECRET"));
    }
}
