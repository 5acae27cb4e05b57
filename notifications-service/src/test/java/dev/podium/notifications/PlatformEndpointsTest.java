package dev.podium.notifications;

import dev.podium.testsupport.PlatformEndpointsContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class PlatformEndpointsTest extends PlatformEndpointsContract {

    PlatformEndpointsTest() {
        super("notifications-service");
    }
}
