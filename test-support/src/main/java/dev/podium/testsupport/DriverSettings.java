package dev.podium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.conf.PropertyDefinitions;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The Connector/J settings of a service's application.yml reach the driver. Hikari passes their values on
 * unconverted and Connector/J ignores any that is not a String, so a YAML {@code true} was dropped without
 * a word: every read-only use of a connection then cost three more statements (SET SESSION TRANSACTION
 * READ ONLY, READ WRITE, and a SELECT of the session's read-only flag), as the count of statements per
 * RSVP showed.
 */
public final class DriverSettings {

    private DriverSettings() {
    }

    /** @param connection a connection of the service's pool, unwrapped from Micronaut's transaction-aware proxy */
    public static void assertKeptOnTheClient(Connection connection) throws SQLException {
        JdbcConnection driver = connection.unwrap(JdbcConnection.class);
        assertThat(driver.getPropertySet().getBooleanProperty(PropertyKey.useLocalSessionState).getValue()).isTrue();
        assertThat(driver.getPropertySet().getBooleanProperty(PropertyKey.readOnlyPropagatesToServer).getValue()).isFalse();
        assertThat(driver.getPropertySet().getBooleanProperty(PropertyKey.cachePrepStmts).getValue()).isTrue();
        assertThat(driver.getPropertySet().getIntegerProperty(PropertyKey.connectTimeout).getValue()).isEqualTo(2000);
        assertThat(driver.getPropertySet().getIntegerProperty(PropertyKey.socketTimeout).getValue()).isEqualTo(10000);
        assertThat(driver.getPropertySet().<PropertyDefinitions.OpenTelemetry>getEnumProperty(PropertyKey.openTelemetry).getValue())
                .isEqualTo(PropertyDefinitions.OpenTelemetry.DISABLED);
    }
}
