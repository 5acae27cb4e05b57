package dev.podium.security.startup;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to start a service whose settings are fit for a laptop only, before it opens its database
 * or Kafka: a development token issuer, no token audience, a missing, committed, {@code change-me} or
 * short secret (see {@link ProductionSettings}). The error (logged by Micronaut as "Error starting
 * Micronaut server") names each variable and what to do; the process exits with status 1.
 *
 * <p>The one development switch, {@code PODIUM_DEVELOPMENT=true} ({@code podium.development}), turns
 * the check off: the local stack ({@code ./podium up}), the compose development profile and the
 * tests set it.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProductionSettingsCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionSettingsCheck.class);

    public ProductionSettingsCheck(Environment environment, List<ServiceSecrets> serviceSecrets) {
        boolean development = environment.getProperty(ProductionSettings.DEVELOPMENT.property(), Boolean.class).orElse(false);
        if (development) {
            LOG.info("Development mode (PODIUM_DEVELOPMENT=true): local-stack secrets and the development token issuer are accepted;"
                    + " never set it in production");
            return;
        }
        List<RequiredSetting> secrets = serviceSecrets.stream().flatMap(s -> s.secrets().stream()).toList();
        List<String> problems = ProductionSettings.problems(
                setting -> Optional.ofNullable(environment.getProperty(setting.property(), String.class).orElse(null)), secrets);
        if (!problems.isEmpty()) {
            String message = "Refusing to start with settings that are only fit for development (PODIUM_DEVELOPMENT is not set):"
                    + System.lineSeparator() + "  - " + String.join(System.lineSeparator() + "  - ", problems)
                    + System.lineSeparator() + "See README, Operations: settings required in production.";
            throw new ConfigurationException(message);
        }
    }
}
