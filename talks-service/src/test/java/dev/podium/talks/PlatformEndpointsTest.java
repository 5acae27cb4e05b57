package dev.podium.talks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.testsupport.PlatformEndpointsContract;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class PlatformEndpointsTest extends PlatformEndpointsContract {

    @Inject
    @Client("/")
    HttpClient client;

    PlatformEndpointsTest() {
        super("talks-service");
    }

    /** Any signed-in person may create their speaker profile (the email defaults to the token's). */
    @Override
    protected MutableHttpRequest<?> requestNeedingAnAccount() {
        return HttpRequest.POST("/speakers", Map.of("name", "Someone", "affiliation", "Somewhere"));
    }

    @Test
    void theOpenApiSpecDocumentsEveryEndpointOfTheIssue() {
        String spec = client.toBlocking().retrieve("/swagger/podium-talks-service-0.1.yml");
        assertThat(spec).contains(
                "/speakers:", "/speakers/{id}:",
                "/submissions:", "/submissions/{id}:", "/submissions/{id}/withdraw:", "/submissions/{id}/confirm:",
                "/submissions/{id}/reviews:", "/submissions/{id}/accept:", "/submissions/{id}/reject:",
                "/events/{eventId}/submissions:", "/submissions/{id}/materials:",
                "/events/{eventId}/cfp:", "/groups/{slug}/cfp:", "/events/{eventId}/decisions/release:",
                "/submissions/{id}/invitations:", "/invitations/{token}/accept:", "/talks:");
    }
}
