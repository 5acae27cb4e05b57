package dev.podium.notifications;

import dev.podium.testsupport.PlatformEndpointsContract;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.UUID;

@MicronautTest(transactional = false)
class PlatformEndpointsTest extends PlatformEndpointsContract {

    PlatformEndpointsTest() {
        super("notifications-service");
    }

    /**
     * The service's one POST that needs an account: anyone signed in may ask, and a notification
     * they may not see (here: none) answers 404, not 401; a 2 MB body to it is refused before routing.
     */
    @Override
    protected MutableHttpRequest<?> requestNeedingAnAccount() {
        return HttpRequest.POST("/notifications/" + UUID.randomUUID() + "/retry", "");
    }
}
