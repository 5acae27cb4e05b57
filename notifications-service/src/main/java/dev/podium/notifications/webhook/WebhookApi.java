package dev.podium.notifications.webhook;

import dev.podium.api.PlainText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The webhooks API's requests and answers (never the stored rows: the secret is shown once, at creation). */
final class WebhookApi {

    private WebhookApi() {
    }

    @Serdeable
    record NewEndpoint(@NotBlank @Size(max = 2000) String url,
                       @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 60) String> types,
                       @Nullable @Size(max = 500) @PlainText String description) {
    }

    /** Only the fields present change. */
    @Serdeable
    record EndpointChange(@Nullable @Size(min = 1, max = 2000) String url,
                          @Nullable @Size(min = 1, max = 20) List<@NotBlank @Size(max = 60) String> types,
                          @Nullable @Size(max = 500) @PlainText String description,
                          @Nullable Boolean enabled) {
    }

    @Serdeable
    record EndpointView(String id, String groupSlug, String url, List<String> types, @Nullable String description,
                        boolean enabled, @Nullable String disabledReason, @Nullable Instant failingSince, Instant createdAt) {
        static EndpointView of(WebhookEndpoint endpoint, String groupSlug) {
            return new EndpointView(endpoint.id(), groupSlug, endpoint.url(), endpoint.types(), endpoint.description(),
                    endpoint.enabled(), endpoint.disabledReason(), endpoint.failingSince(), endpoint.createdAt());
        }
    }

    /** The answer to a registration: the only time the secret is shown. */
    @Serdeable
    record CreatedEndpoint(String id, String groupSlug, String url, List<String> types, @Nullable String description,
                           boolean enabled, String secret, Instant createdAt) {
    }

    @Serdeable
    record RotatedSecret(String id, String secret, Instant previousSecretValidUntil) {
    }

    @Serdeable
    record Ping(String messageId) {
    }

    @Serdeable
    record DeliveryView(long id, String messageId, String type, String status, int attempts, @Nullable Integer responseCode,
                        @Nullable Integer durationMs, @Nullable String lastError, Instant nextAttemptAt, @Nullable Instant sentAt,
                        Instant createdAt) {
    }

    @Serdeable
    record Redelivered(int redelivered) {
    }
}
