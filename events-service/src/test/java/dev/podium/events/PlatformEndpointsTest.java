package dev.podium.events;

import dev.podium.testsupport.PlatformEndpointsContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

@MicronautTest(transactional = false)
class PlatformEndpointsTest extends PlatformEndpointsContract {

    PlatformEndpointsTest() {
        super("events-service");
    }
}
