package dev.podium.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import dev.podium.testsupport.RealServers;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The Connector/J settings of application.yml reach the driver. Hikari passes their values on unconverted
 * and Connector/J ignores any that is not a String, so a YAML {@code true} was dropped without a word:
 * every read-only use of a connection then cost three more statements (SET SESSION TRANSACTION READ ONLY,
 * READ WRITE, and a SELECT of the session's read-only flag), as the count of statements per RSVP showed.
 */
@MicronautTest(transactional = false)
class DriverSettingsTest implements RealServers {

    @Inject
    DataSource dataSource;

    @Test
    void theDriverKeepsTheSessionStateAndTheReadOnlyHintOnTheClient() throws Exception {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            JdbcConnection driver = connection.unwrap(JdbcConnection.class);
            assertThat(driver.getPropertySet().getBooleanProperty(PropertyKey.useLocalSessionState).getValue()).isTrue();
            assertThat(driver.getPropertySet().getBooleanProperty(PropertyKey.readOnlyPropagatesToServer).getValue()).isFalse();
            assertThat(driver.getPropertySet().getBooleanProperty(PropertyKey.cachePrepStmts).getValue()).isTrue();
            assertThat(driver.getPropertySet().getIntegerProperty(PropertyKey.connectTimeout).getValue()).isEqualTo(2000);
            assertThat(driver.getPropertySet().getIntegerProperty(PropertyKey.socketTimeout).getValue()).isEqualTo(10000);
        }
    }
}
