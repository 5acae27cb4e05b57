package dev.podium.notifications.trigger;

import dev.podium.notifications.notification.NotificationViews.WaitingView;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * The messages about an event that the events consumer holds back ({@link WaitingMessages}), beside
 * the notifications API. Served from this feature, which owns the consumers, so that the
 * notification feature (which this one records into) does not reach back into it.
 */
@Controller("/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
class WaitingController {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final WaitingMessages waiting;

    WaitingController(WaitingMessages waiting) {
        this.waiting = waiting;
    }

    @Operation(summary = "The event's messages held back until notifications-service knows what they depend on "
            + "(an announcement waiting for the group's members to be known), oldest first")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/waiting")
    List<WaitingView> waiting(@QueryValue @Pattern(regexp = UUID) String eventId, @Nullable Authentication authentication) {
        return waiting.of(Caller.required(authentication), eventId);
    }
}
