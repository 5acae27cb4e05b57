package dev.podium.events.links;

import dev.podium.security.startup.RequiredSetting;
import dev.podium.security.startup.ServiceSecrets;
import jakarta.inject.Singleton;
import java.util.List;

/** The key signing the opt-in and RSVP links: checked at start outside development (ProductionSettingsCheck). */
@Singleton
final class EventsSecrets implements ServiceSecrets {

    @Override
    public List<RequiredSetting> secrets() {
        return List.of(new RequiredSetting("podium.events.link-secret", "EVENTS_LINK_SECRET"));
    }
}
