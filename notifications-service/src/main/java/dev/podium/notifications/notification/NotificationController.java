package dev.podium.notifications.notification;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import dev.podium.api.NotFound;
import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.notifications.notification.NotificationViews.DeliveryView;
import dev.podium.notifications.notification.NotificationViews.NotificationView;
import dev.podium.notifications.notification.NotificationViews.RetryView;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

/**
 * Organisers' and admins' view of what was sent to whom, and the retry of deliveries that died.
 * A notification the caller may not see answers 404, as one that does not exist. The messages
 * held back for an event ({@code GET /notifications/waiting}) are the trigger feature's to show.
 */
@Controller("/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationController {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final NotificationQueries queries;

    NotificationController(NotificationQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "List the notifications of the caller's groups' events (all of them for an admin), newest first, "
            + "optionally of one event and of one type")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get
    PageView<NotificationView> list(@Nullable @QueryValue @Pattern(regexp = UUID) String eventId,
                                    @Nullable @QueryValue NotificationKind type, @Valid @RequestBean PageQuery page,
                                    @Nullable Authentication authentication) {
        return queries.list(Caller.required(authentication), eventId, type, page);
    }

    @Operation(summary = "One notification with its delivery counts by status")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/{id}")
    NotificationView find(@PathVariable @Pattern(regexp = UUID) String id, @Nullable Authentication authentication) {
        return visible(id, authentication);
    }

    @Operation(summary = "A notification's deliveries, optionally of one status")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/{id}/deliveries")
    PageView<DeliveryView> deliveries(@PathVariable @Pattern(regexp = UUID) String id, @Nullable @QueryValue DeliveryStatus status,
                                      @Valid @RequestBean PageQuery page, @Nullable Authentication authentication) {
        return queries.deliveries(visible(id, authentication), status, page);
    }

    @Operation(summary = "Send the dead deliveries of a notification again, with a fresh set of attempts")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/{id}/retry")
    @Consumes(MediaType.ALL) // no body to read: an HTML form or urllib sends an empty one as application/x-www-form-urlencoded
    RetryView retry(@PathVariable @Pattern(regexp = UUID) String id, @Nullable Authentication authentication) {
        return new RetryView(id, queries.retryDead(visible(id, authentication)));
    }

    private NotificationView visible(String id, @Nullable Authentication authentication) {
        return queries.find(Caller.required(authentication), id).orElseThrow(() -> new NotFound("notification", id));
    }
}
