package dev.podium.notifications.webhook;

import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.notifications.notification.DeliveryStatus;
import dev.podium.notifications.webhook.WebhookApi.CreatedEndpoint;
import dev.podium.notifications.webhook.WebhookApi.DeliveryView;
import dev.podium.notifications.webhook.WebhookApi.EndpointChange;
import dev.podium.notifications.webhook.WebhookApi.EndpointView;
import dev.podium.notifications.webhook.WebhookApi.NewEndpoint;
import dev.podium.notifications.webhook.WebhookApi.Ping;
import dev.podium.notifications.webhook.WebhookApi.Redelivered;
import dev.podium.notifications.webhook.WebhookApi.RotatedSecret;
import dev.podium.security.Caller;
import dev.podium.security.RateLimited;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;

/**
 * Webhook endpoints of a group, for its organisers and admins (Standard Webhooks; README "Webhooks").
 * Served by notifications-service, which has the organisers' read model and the delivery loop; the
 * gateway routes {@code /groups/{slug}/webhooks} and {@code /webhooks/**} here.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class WebhookController {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(summary = "Register a webhook endpoint for the group; the answer holds its secret, shown only here")
    @Post("/groups/{slug}/webhooks")
    HttpResponse<CreatedEndpoint> register(@PathVariable @Pattern(regexp = SLUG) String slug, @Valid @Body NewEndpoint request,
                                           @Nullable Authentication authentication) {
        CreatedEndpoint created = webhooks.register(Caller.required(authentication), slug, request);
        return HttpResponse.created(created, URI.create("/webhooks/" + created.id()));
    }

    @Operation(summary = "The group's webhook endpoints")
    @Get("/groups/{slug}/webhooks")
    List<EndpointView> list(@PathVariable @Pattern(regexp = SLUG) String slug, @Nullable Authentication authentication) {
        return webhooks.list(Caller.required(authentication), slug);
    }

    @Operation(summary = "Change an endpoint's URL, types, description, or enable or disable it")
    @Patch("/webhooks/{id}")
    EndpointView change(@PathVariable @Pattern(regexp = UUID) String id, @Valid @Body EndpointChange change,
                        @Nullable Authentication authentication) {
        return webhooks.change(Caller.required(authentication), id, change);
    }

    @Operation(summary = "Delete an endpoint and its deliveries")
    @Delete("/webhooks/{id}")
    HttpResponse<Void> delete(@PathVariable @Pattern(regexp = UUID) String id, @Nullable Authentication authentication) {
        webhooks.delete(Caller.required(authentication), id);
        return HttpResponse.noContent();
    }

    @Operation(summary = "Rotate the endpoint's secret: answers the new one; the old one also signs during the grace period")
    @Post("/webhooks/{id}/secret")
    @Consumes(MediaType.ALL)
    RotatedSecret rotate(@PathVariable @Pattern(regexp = UUID) String id, @Nullable Authentication authentication) {
        return webhooks.rotate(Caller.required(authentication), id);
    }

    @Operation(summary = "Send a webhook.ping message to the endpoint")
    @Post("/webhooks/{id}/ping")
    @RateLimited("webhook-sends")
    @Consumes(MediaType.ALL)
    HttpResponse<Ping> ping(@PathVariable @Pattern(regexp = UUID) String id, @Nullable Authentication authentication) {
        return HttpResponse.accepted().body(new Ping(webhooks.ping(Caller.required(authentication), id)));
    }

    @Operation(summary = "The endpoint's deliveries, newest first, optionally of one status")
    @Get("/webhooks/{id}/deliveries")
    PageView<DeliveryView> deliveries(@PathVariable @Pattern(regexp = UUID) String id, @Nullable @QueryValue DeliveryStatus status,
                                      @Valid @RequestBean PageQuery page, @Nullable Authentication authentication) {
        return webhooks.deliveries(Caller.required(authentication), id, status, page);
    }

    @Operation(summary = "Send one delivery again, with the same webhook-id and a fresh set of attempts")
    @Post("/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    @RateLimited("webhook-sends")
    @Consumes(MediaType.ALL)
    HttpResponse<DeliveryView> redeliver(@PathVariable @Pattern(regexp = UUID) String id, @PathVariable long deliveryId,
                                         @Nullable Authentication authentication) {
        return HttpResponse.accepted().body(webhooks.redeliver(Caller.required(authentication), id, deliveryId));
    }

    @Operation(summary = "Send every failed or dead delivery of the endpoint again")
    @Post("/webhooks/{id}/redeliver-failed")
    @RateLimited("webhook-sends")
    @Consumes(MediaType.ALL)
    Redelivered redeliverFailed(@PathVariable @Pattern(regexp = UUID) String id, @Nullable Authentication authentication) {
        return new Redelivered(webhooks.redeliverFailed(Caller.required(authentication), id));
    }
}
