package dev.podium.notifications.webhook;

import dev.podium.contracts.TraceContext;
import dev.podium.notifications.delivery.Channel;
import dev.podium.notifications.delivery.ClaimedDelivery;
import dev.podium.notifications.delivery.DeliveryFailure;
import dev.podium.notifications.delivery.QueueTable;
import dev.podium.persistence.Sql;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Webhooks over HTTP, the email channel's sibling in the delivery loop: each delivery is one signed
 * POST (Standard Webhooks) to its endpoint, at the address checked just before. 2xx is delivered;
 * timeouts, connection errors, 408, 429 (after its {@code Retry-After}) and 5xx are retried with the
 * loop's backoff; any other answer, or a URL that now resolves to a non-public address, fails at once.
 * One receiver being down does not pause the channel: the others are still served.
 */
@Singleton
class WebhookChannel implements Channel<WebhookMessage, WebhookCall> {

    /**
     * Claimable once no earlier delivery of the same endpoint and aggregate is waiting or in flight, so
     * each endpoint receives one event's (one talk's, one group's members') messages in order.
     */
    static final QueueTable QUEUE = new QueueTable("webhook_delivery", "d.message_id, d.endpoint_id, NULL, NULL, NULL, NULL",
            "NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.endpoint_id = d.endpoint_id AND e.ordering_key = d.ordering_key"
            + " AND e.status IN ('PENDING', 'SENDING') AND e.id < d.id)");
    static final String DISABLED = "endpoint disabled";

    private final WebhookSettings settings;
    private final WebhookOutbox messages;
    private final WebhookEndpoints endpoints;
    private final ReceiverAddresses addresses;
    private final EndpointHealth health;
    private final Sql sql;
    private final Clock clock;

    WebhookChannel(WebhookSettings settings, WebhookOutbox messages, WebhookEndpoints endpoints, ReceiverAddresses addresses,
                   EndpointHealth health, Sql sql, Clock clock) {
        this.settings = settings;
        this.messages = messages;
        this.endpoints = endpoints;
        this.addresses = addresses;
        this.health = health;
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public String destination() {
        return "the organisers' webhook endpoints";
    }

    @Override
    public String meterName() {
        return "podium.webhook.deliveries";
    }

    @Override
    public WebhookSettings settings() {
        return settings;
    }

    @Override
    public QueueTable queueTable() {
        return QUEUE;
    }

    @Override
    public Optional<WebhookMessage> message(String messageId) {
        return messages.find(messageId);
    }

    @Override
    public TraceContext trace(WebhookMessage message) {
        return new TraceContext(message.traceparent(), null);
    }

    @Override
    public Map<Long, String> reasonsToSkip(List<ClaimedDelivery> claimed) {
        if (claimed.isEmpty()) {
            return Map.of();
        }
        String ids = claimed.stream().map(delivery -> String.valueOf(delivery.id())).collect(Collectors.joining(","));
        Map<Long, String> reasons = new HashMap<>();
        sql.list("SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id WHERE d.id IN (" + ids
                + ") AND NOT e.enabled", row -> row.getLong(1)).forEach(id -> reasons.put(id, DISABLED));
        return reasons;
    }

    @Override
    public Optional<String> reasonToSkip(WebhookMessage message, ClaimedDelivery delivery) {
        return endpoints.find(delivery.address()).filter(endpoint -> !endpoint.enabled()).map(endpoint -> DISABLED);
    }

    @Override
    public WebhookCall compose(WebhookMessage message, ClaimedDelivery delivery) throws ReceiverRefused, UnknownHostException {
        WebhookEndpoint endpoint = endpoints.find(delivery.address())
                .orElseThrow(() -> new ReceiverRefused("the endpoint was deleted"));
        URI uri = addresses.parse(endpoint.url());
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", message.id());
        headers.put("webhook-timestamp", String.valueOf(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(message.id(), timestamp, message.body(),
                endpoint.signingSecrets(now)));
        return new WebhookCall(delivery.id(), endpoint.id(), uri, addresses.resolve(uri), headers,
                message.body().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(WebhookCall call) throws IOException, ReceiverFailure {
        long started = System.nanoTime();
        ReceiverResponse response;
        try {
            response = PinnedHttpPost.post(call.uri(), call.address(), call.headers(), call.body(), settings);
        } catch (IOException e) {
            recordAttempt(call, null, started);
            health.failed(call.endpointId(), e.toString());
            throw e;
        }
        recordAttempt(call, response.status(), started);
        if (!response.accepted()) {
            ReceiverFailure failure = new ReceiverFailure(response);
            health.failed(call.endpointId(), failure.getMessage());
            throw failure;
        }
        health.succeeded(call.endpointId());
    }

    @Override
    public Optional<DeliveryFailure> classify(Exception failure) {
        if (failure instanceof ReceiverFailure answered) {
            int status = answered.response().status();
            if (status == 408 || status == 429 || status >= 500) {
                Duration retryAfter = RetryAfter.parse(answered.response().retryAfter(), clock.instant());
                return Optional.of(retryAfter == null ? DeliveryFailure.retryLater(answered.getMessage())
                        : DeliveryFailure.retryNotSooner(answered.getMessage(), retryAfter));
            }
            return Optional.of(DeliveryFailure.permanent(answered.getMessage()));
        }
        if (failure instanceof ReceiverRefused refused) {
            return Optional.of(DeliveryFailure.permanent("refused: " + refused.getMessage()));
        }
        if (failure instanceof IOException io) {
            return Optional.of(DeliveryFailure.retryLater(io.toString()));
        }
        return Optional.empty();
    }

    /** A webhook refused for good fails alone: the endpoint's failure clock ({@link EndpointHealth}) decides about the endpoint. */
    @Override
    public void refusedForGood(ClaimedDelivery delivery, String reason) {
    }

    @Override
    public void close() {
    }

    private void recordAttempt(WebhookCall call, Integer status, long startedNanos) {
        long millis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        sql.update("UPDATE webhook_delivery SET response_code = ?, duration_ms = ? WHERE id = ?", status,
                (int) Math.min(millis, Integer.MAX_VALUE), call.deliveryId());
    }
}
