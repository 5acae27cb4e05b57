package dev.podium.notifications.notification;

import dev.podium.api.NotFound;
import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.notifications.notification.NotificationViews.DeliveryView;
import dev.podium.notifications.notification.NotificationViews.NotificationView;
import dev.podium.notifications.notification.NotificationViews.RetryView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/** Operators' view of what was sent to whom, and the retry of deliveries that died. */
@Controller("/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationController {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final NotificationQueries queries;

    NotificationController(NotificationQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "List notifications, newest first, optionally of one event and of one type")
    @Get
    PageView<NotificationView> list(@Nullable @QueryValue @Pattern(regexp = UUID) String eventId,
                                    @Nullable @QueryValue NotificationKind type, @Valid @RequestBean PageQuery page) {
        return queries.list(eventId, type, page);
    }

    @Operation(summary = "One notification with its delivery counts by status")
    @Get("/{id}")
    NotificationView find(@PathVariable @Pattern(regexp = UUID) String id) {
        return queries.find(id).orElseThrow(() -> new NotFound("notification", id));
    }

    @Operation(summary = "A notification's deliveries, optionally of one status")
    @Get("/{id}/deliveries")
    PageView<DeliveryView> deliveries(@PathVariable @Pattern(regexp = UUID) String id, @Nullable @QueryValue DeliveryStatus status,
                                      @Valid @RequestBean PageQuery page) {
        queries.find(id).orElseThrow(() -> new NotFound("notification", id));
        return queries.deliveries(id, status, page);
    }

    @Operation(summary = "Send the dead deliveries of a notification again, with a fresh set of attempts")
    @Post("/{id}/retry")
    RetryView retry(@PathVariable @Pattern(regexp = UUID) String id) {
        queries.find(id).orElseThrow(() -> new NotFound("notification", id));
        return new RetryView(id, queries.retryDead(id));
    }
}
