package dev.podium.notifications.webhook;

import dev.podium.api.NotFound;
import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.api.RuleViolation;
import dev.podium.notifications.access.NotificationAccess;
import dev.podium.notifications.audience.Audience;
import dev.podium.notifications.audience.GroupInfo;
import dev.podium.notifications.notification.DeliveryStatus;
import dev.podium.notifications.webhook.WebhookApi.CreatedEndpoint;
import dev.podium.notifications.webhook.WebhookApi.DeliveryView;
import dev.podium.notifications.webhook.WebhookApi.EndpointChange;
import dev.podium.notifications.webhook.WebhookApi.EndpointView;
import dev.podium.notifications.webhook.WebhookApi.NewEndpoint;
import dev.podium.notifications.webhook.WebhookApi.RotatedSecret;
import dev.podium.security.Caller;
import dev.podium.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Organisers' webhook endpoints: registration (the URL checked against {@link ReceiverAddresses}),
 * changes, secret rotation, pings, and the deliveries with their redelivery. Only the group's
 * organisers and admins see a group's endpoints; to anyone else they do not exist (404).
 */
@Singleton
class WebhookService {

    private final WebhookEndpoints endpoints;
    private final WebhookOutbox outbox;
    private final ReceiverAddresses addresses;
    private final NotificationAccess access;
    private final Audience audience;
    private final WebhookSettings settings;
    private final Sql sql;
    private final Clock clock;

    WebhookService(WebhookEndpoints endpoints, WebhookOutbox outbox, ReceiverAddresses addresses, NotificationAccess access,
                   Audience audience, WebhookSettings settings, Sql sql, Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.addresses = addresses;
        this.access = access;
        this.audience = audience;
        this.settings = settings;
        this.sql = sql;
        this.clock = clock;
    }

    CreatedEndpoint register(Caller caller, String slug, NewEndpoint request) {
        GroupInfo group = organisedGroup(caller, slug);
        String url = checkedUrl(request.url());
        List<String> types = checkedTypes(request.types());
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint(UUID.randomUUID().toString(), group.groupId(), url, types,
                request.description(), WebhookSecret.generate(), null, null, true, null, null, now);
        endpoints.insert(endpoint);
        return new CreatedEndpoint(endpoint.id(), group.slug(), url, types, endpoint.description(), true, endpoint.secret(), now);
    }

    List<EndpointView> list(Caller caller, String slug) {
        GroupInfo group = organisedGroup(caller, slug);
        return endpoints.ofGroup(group.groupId()).stream().map(endpoint -> EndpointView.of(endpoint, group.slug())).toList();
    }

    EndpointView change(Caller caller, String id, EndpointChange change) {
        WebhookEndpoint endpoint = organisedEndpoint(caller, id);
        String url = change.url() == null ? endpoint.url() : checkedUrl(change.url());
        List<String> types = change.types() == null ? endpoint.types() : checkedTypes(change.types());
        String description = change.description() == null ? endpoint.description() : change.description();
        boolean enabled = change.enabled() == null ? endpoint.enabled() : change.enabled();
        endpoints.update(id, url, types, description, enabled, clock.instant());
        return view(endpoints.find(id).orElseThrow(() -> new NotFound("webhook", id)));
    }

    void delete(Caller caller, String id) {
        organisedEndpoint(caller, id);
        endpoints.delete(id);
    }

    RotatedSecret rotate(Caller caller, String id) {
        organisedEndpoint(caller, id);
        Instant now = clock.instant();
        String secret = WebhookSecret.generate();
        Instant previousValidUntil = now.plus(settings.getSecretGrace());
        endpoints.rotate(id, secret, previousValidUntil, now);
        return new RotatedSecret(id, secret, previousValidUntil);
    }

    @Transactional
    String ping(Caller caller, String id) {
        WebhookEndpoint endpoint = organisedEndpoint(caller, id);
        return outbox.ping(endpoint.groupId(), endpoint.id());
    }

    PageView<DeliveryView> deliveries(Caller caller, String id, @Nullable DeliveryStatus status, PageQuery page) {
        organisedEndpoint(caller, id);
        String where = "d.endpoint_id = ?" + (status == null ? "" : " AND d.status = ?");
        Object[] parameters = status == null ? new Object[] {id} : new Object[] {id, status.name()};
        long total = sql.count("SELECT COUNT(*) FROM webhook_delivery d WHERE " + where, parameters);
        Object[] paged = new Object[parameters.length + 2];
        System.arraycopy(parameters, 0, paged, 0, parameters.length);
        paged[parameters.length] = page.sizeOrDefault();
        paged[parameters.length + 1] = page.offset();
        return new PageView<>(deliveryViews(where + " ORDER BY d.id DESC LIMIT ? OFFSET ?", paged), page.pageOrFirst(),
                page.sizeOrDefault(), total);
    }

    private List<DeliveryView> deliveryViews(String whereAndOrder, Object... parameters) {
        return sql.list("""
                SELECT d.id, d.message_id, m.type, d.status, d.attempts, d.response_code, d.duration_ms, d.last_error,
                       d.next_attempt_at, d.sent_at, m.created_at
                FROM webhook_delivery d JOIN webhook_message m ON m.id = d.message_id""" + " WHERE " + whereAndOrder,
                row -> new DeliveryView(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5),
                        (Integer) row.getObject(6), (Integer) row.getObject(7), row.getString(8), Sql.instant(row, "next_attempt_at"),
                        Sql.instant(row, "sent_at"), Sql.instant(row, "created_at")),
                parameters);
    }

    /** Sends a delivery again with a fresh set of attempts (its webhook-id unchanged), unless it is still on its way. */
    DeliveryView redeliver(Caller caller, String id, long deliveryId) {
        organisedEndpoint(caller, id);
        String state = sql.one("SELECT status FROM webhook_delivery WHERE id = ? AND endpoint_id = ?", row -> row.getString(1),
                deliveryId, id).orElseThrow(() -> new NotFound("webhook delivery", String.valueOf(deliveryId)));
        if (state.equals("PENDING") || state.equals("SENDING")) {
            throw new RuleViolation("webhook-delivery-under-way", "The delivery is still on its way",
                    "Delivery " + deliveryId + " is " + state + ": it is sent without being asked again.");
        }
        requeue("id = ? AND endpoint_id = ? AND status NOT IN ('PENDING', 'SENDING')", deliveryId, id);
        return deliveryViews("d.id = ? AND d.endpoint_id = ?", deliveryId, id).stream().findFirst()
                .orElseThrow(() -> new NotFound("webhook delivery", String.valueOf(deliveryId)));
    }

    int redeliverFailed(Caller caller, String id) {
        organisedEndpoint(caller, id);
        return requeue("endpoint_id = ? AND status IN ('FAILED', 'DEAD')", id);
    }

    private int requeue(String where, Object... parameters) {
        Instant now = clock.instant();
        Object[] all = new Object[parameters.length + 2];
        all[0] = now;
        all[1] = now;
        System.arraycopy(parameters, 0, all, 2, parameters.length);
        return sql.update("UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL, "
                + "lease_until = NULL, updated_at = ? WHERE " + where, all);
    }

    private EndpointView view(WebhookEndpoint endpoint) {
        return EndpointView.of(endpoint, audience.group(endpoint.groupId()).map(GroupInfo::slug).orElse(""));
    }

    private GroupInfo organisedGroup(Caller caller, String slug) {
        return audience.groupBySlug(slug).filter(group -> access.organisesOrAdmin(caller, group.groupId()))
                .orElseThrow(() -> new NotFound("group", slug));
    }

    private WebhookEndpoint organisedEndpoint(Caller caller, String id) {
        return endpoints.find(id).filter(endpoint -> access.organisesOrAdmin(caller, endpoint.groupId()))
                .orElseThrow(() -> new NotFound("webhook", id));
    }

    private String checkedUrl(String url) {
        try {
            URI uri = addresses.parse(url);
            addresses.resolve(uri);
            return uri.toString();
        } catch (ReceiverRefused e) {
            throw new RuleViolation("webhook-url-refused", "Podium does not call this URL", e.getMessage(), Map.of("url", url));
        } catch (UnknownHostException e) {
            throw new RuleViolation("webhook-url-unknown-host", "The URL's host does not resolve",
                    "The host of " + url + " has no address.", Map.of("url", url));
        }
    }

    private static List<String> checkedTypes(List<String> types) {
        List<String> unknown = types.stream().filter(type -> WebhookType.of(type).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolation("webhook-type-unknown", "Unknown webhook types", "Not a webhook type: " + String.join(", ", unknown)
                    + ". The types are listed in the README, Webhooks.", Map.of("unknown", unknown));
        }
        return types.stream().distinct().toList();
    }
}
