package dev.podium.security.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionSettingsTest {

    private static final RequiredSetting LINK_SECRET = new RequiredSetting("podium.events.link-secret", "EVENTS_LINK_SECRET");

    private static Map<RequiredSetting, String> production() {
        Map<RequiredSetting, String> values = new HashMap<>();
        values.put(ProductionSettings.ISSUER, "https://sso.example.org/realms/podium");
        values.put(ProductionSettings.JWKS_URL, "https://sso.example.org/realms/podium/protocol/openid-connect/certs");
        values.put(ProductionSettings.AUDIENCE, "podium-api");
        values.put(ProductionSettings.DB_PASSWORD, "Zq8v0cXl1m3T9yW2pR7sK4dF6hJ5nB0aE8uG");
        values.put(LINK_SECRET, "kP3x9Qw7Lm2Vn8Rt5Yb1Hc6Jd4Fg0Sa7Ze9Xu2Io");
        return values;
    }

    private static List<String> problems(Map<RequiredSetting, String> values) {
        return ProductionSettings.problems(setting -> Optional.ofNullable(values.get(setting)), List.of(LINK_SECRET));
    }

    @Test
    void productionSettingsPass() {
        assertThat(problems(production())).isEmpty();
    }

    @Test
    void aMissingDefaultChangeMeOrShortSecretIsRefusedByName() {
        for (String bad : new String[] {null, "", "   ", "change-me-events-link-secret-at-least-32-bytes",
                "local-stack-only-link-secret-change-me", "dev-only-insecure-invitation-secret-change-me", "short-but-random-9f3k"}) {
            Map<RequiredSetting, String> values = production();
            values.put(LINK_SECRET, bad);
            assertThat(problems(values)).as("secret %s", bad).singleElement().asString().startsWith("EVENTS_LINK_SECRET ");
        }
    }

    @Test
    void theDatabasePasswordIsASecretToo() {
        Map<RequiredSetting, String> values = production();
        values.put(ProductionSettings.DB_PASSWORD, "podium");
        assertThat(problems(values)).singleElement().asString().startsWith("DB_PASSWORD is 6 bytes long");
    }

    @Test
    void aDevelopmentIssuerIsRefused() {
        for (String issuer : new String[] {"http://localhost:8090", "http://issuer:8090", "http://127.0.0.1:41234", "http://[::1]:8090"}) {
            Map<RequiredSetting, String> values = production();
            values.put(ProductionSettings.ISSUER, issuer);
            values.put(ProductionSettings.JWKS_URL, issuer + "/.well-known/jwks.json");
            assertThat(problems(values)).as(issuer).hasSize(2)
                    .anySatisfy(p -> assertThat(p).startsWith("AUTH_ISSUER points at a development token issuer"))
                    .anySatisfy(p -> assertThat(p).startsWith("AUTH_JWKS_URL points at a development token issuer"));
        }
    }

    @Test
    void theAudienceIsRequired() {
        for (String audience : new String[] {null, " ", ProductionSettings.DEVELOPMENT_AUDIENCE, "change-me"}) {
            Map<RequiredSetting, String> values = production();
            values.put(ProductionSettings.AUDIENCE, audience);
            assertThat(problems(values)).as("audience %s", audience).singleElement().asString().startsWith("AUTH_AUDIENCE is not set");
        }
    }

    @Test
    void missingIssuerSettingsAreNamed() {
        Map<RequiredSetting, String> values = production();
        values.remove(ProductionSettings.ISSUER);
        values.put(ProductionSettings.JWKS_URL, "https://change-me.example.org/certs");
        assertThat(problems(values)).containsExactly(
                "AUTH_ISSUER is not set: set it to your OIDC provider's issuer URL (the tokens' iss).",
                "AUTH_JWKS_URL still has a change-me value: set it to your OIDC provider's JWKS URL.");
    }
}
