package dev.podium.notifications.reply;

import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.security.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;

/** Admins' view of the emails read from the organizer mailbox, above all those that matched no invitation. */
@Controller("/admin/calendar-replies")
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarReplyController {

    private final CalendarReplyQueries queries;

    CalendarReplyController(CalendarReplyQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "List the calendar replies read from the organizer mailbox of one status (unmatched: kept with the reason), newest first")
    @Secured(Caller.ADMIN_ROLE)
    @Get
    PageView<CalendarReplyView> list(@QueryValue(defaultValue = "unmatched") @Pattern(regexp = "matched|unmatched") String status,
                                     @Valid @RequestBean PageQuery page) {
        return queries.list(ReplyStatus.valueOf(status.toUpperCase(Locale.ROOT)), page);
    }
}
