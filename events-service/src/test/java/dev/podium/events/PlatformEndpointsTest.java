package dev.podium.events;

import dev.podium.testsupport.PlatformEndpointsContract;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

@MicronautTest(transactional = false)
class PlatformEndpointsTest extends PlatformEndpointsContract {

    PlatformEndpointsTest() {
        super("events-service");
    }

    /** Anyone signed in may create a group (and becomes its organiser). */
    @Override
    protected MutableHttpRequest<?> requestNeedingAnAccount() {
        return HttpRequest.POST("/groups", Map.of("slug", EventsApi.unique("platform"), "name", "Platform check",
                "timeZone", "Europe/Paris", "language", "en"));
    }
}
