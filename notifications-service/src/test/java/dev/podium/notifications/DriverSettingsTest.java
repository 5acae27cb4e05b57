package dev.podium.notifications;

import dev.podium.testsupport.DriverSettings;
import dev.podium.testsupport.RealServers;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The Connector/J settings of application.yml reach the driver (see {@link DriverSettings}). */
@MicronautTest(transactional = false)
class DriverSettingsTest implements RealServers {

    @Inject
    DataSource dataSource;

    @Test
    void theDriverKeepsTheSessionStateAndTheReadOnlyHintOnTheClient() throws Exception {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            DriverSettings.assertKeptOnTheClient(connection);
        }
    }
}
