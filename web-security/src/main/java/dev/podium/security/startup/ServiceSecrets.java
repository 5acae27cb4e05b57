package dev.podium.security.startup;

import java.util.List;

/**
 * The secrets a service reads besides its database password (signing keys of the links it sends),
 * declared by the service as a bean so that {@link ProductionSettingsCheck} refuses to start
 * without them outside development.
 */
public interface ServiceSecrets {

    List<RequiredSetting> secrets();
}
