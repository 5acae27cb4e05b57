package dev.podium.notifications.webhook;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A registered endpoint as stored ({@code webhook_endpoint}). */
record WebhookEndpoint(String id, String groupId, String url, List<String> types, @Nullable String description,
                       String secret, @Nullable String previousSecret, @Nullable Instant previousSecretUntil,
                       boolean enabled, @Nullable String disabledReason, @Nullable Instant failingSince, Instant createdAt) {

    /** The secrets that sign at {@code now}: the current one, and the previous one during its grace period. */
    List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
