package dev.podium.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without the development switch a service's context does not start with a committed secret, a
 * development token issuer or no audience, and names the variable; the check runs before the database
 * is touched (none answers on port 1 here). A service's test extends this with the property of its
 * own secret and that secret's variable.
 */
public abstract class ProductionSettingsContract {

    private final String secretProperty;
    private final String secretVariable;

    protected ProductionSettingsContract(String secretProperty, String secretVariable) {
        this.secretProperty = secretProperty;
        this.secretVariable = secretVariable;
    }

    private Map<String, Object> production() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("podium.development", "false");
        properties.put("micronaut.server.port", "-1");
        properties.put("datasources.default.url", "jdbc:mysql://127.0.0.1:1/nowhere");
        properties.put("datasources.default.password", "Zq8v0cXl1m3T9yW2pR7sK4dF6hJ5nB0aE8uG");
        properties.put("micronaut.security.token.jwt.claims-validators.issuer", "https://sso.example.org/realms/podium");
        properties.put("micronaut.security.token.jwt.signatures.jwks.podium.url", "https://sso.example.org/realms/podium/certs");
        properties.put("micronaut.security.token.jwt.claims-validators.audience", "podium-api");
        properties.put(secretProperty, "kP3x9Qw7Lm2Vn8Rt5Yb1Hc6Jd4Fg0Sa7Ze9Xu2Io");
        return properties;
    }

    @Test
    void theCommittedSecretIsRefusedByName() {
        Map<String, Object> properties = production();
        properties.remove(secretProperty);

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasMessageContaining(secretVariable + " still has a committed or change-me value")
                .hasMessageNotContaining("DB_PASSWORD")
                .hasMessageNotContaining("AUTH_");
    }

    @Test
    void theDevelopmentIssuerAndAMissingAudienceAreRefusedByName() {
        Map<String, Object> properties = production();
        properties.remove("micronaut.security.token.jwt.claims-validators.issuer");
        properties.remove("micronaut.security.token.jwt.signatures.jwks.podium.url");
        properties.remove("micronaut.security.token.jwt.claims-validators.audience");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasMessageContaining("AUTH_ISSUER points at a development token issuer")
                .hasMessageContaining("AUTH_JWKS_URL points at a development token issuer")
                .hasMessageContaining("AUTH_AUDIENCE is not set")
                .hasMessageNotContaining(secretVariable);
    }
}
