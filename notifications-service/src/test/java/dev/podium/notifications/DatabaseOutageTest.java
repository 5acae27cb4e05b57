package dev.podium.notifications;

import dev.podium.devissuer.Identity;
import dev.podium.testsupport.DatabaseOutageContract;
import dev.podium.testsupport.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.UUID;

@MicronautTest(transactional = false)
class DatabaseOutageTest extends DatabaseOutageContract {

    private final Identity admin = Identity.admin("operator-" + UUID.randomUUID());

    /** What was sent to whom, as an operator sees it. */
    @Override
    protected MutableHttpRequest<?> aRead() {
        return Tokens.as(admin, HttpRequest.GET("/notifications"));
    }
}
