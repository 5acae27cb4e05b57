package dev.podium.talks.review;

import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Review board", description = "The organisers' view of submissions, with scores and decisions")
class ReviewBoardController {

    private final ReviewBoardService board;

    ReviewBoardController(ReviewBoardService board) {
        this.board = board;
    }

    @Get("/events/{eventId}/submissions{?status,sort,page,size}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The submissions to an event",
            description = "Its group's organisers and admin (403 otherwise); status filters (SUBMITTED, ACCEPTED, REJECTED, "
                    + "WITHDRAWN, CONFIRMED); sort=submitted (default) or score")
    PageView<OrganiserSubmissionView> ofEvent(@PathVariable String eventId, @Nullable @QueryValue String status,
                                              @Nullable @QueryValue String sort, @Nullable @QueryValue @Min(0) @Max(100_000) Integer page,
                                              @Nullable @QueryValue @Min(1) @Max(PageQuery.MAX_SIZE) Integer size,
                                              @Nullable Authentication authentication) {
        return board.list(board.event(eventId), status, sort, new PageQuery(page, size), Caller.required(authentication));
    }

    @Get("/groups/{slug}/submissions{?status,sort,page,size}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The submissions to a group's open call", description = "Its organisers and admin (403 otherwise)")
    PageView<OrganiserSubmissionView> ofGroup(@PathVariable String slug, @Nullable @QueryValue String status,
                                              @Nullable @QueryValue String sort, @Nullable @QueryValue @Min(0) @Max(100_000) Integer page,
                                              @Nullable @QueryValue @Min(1) @Max(PageQuery.MAX_SIZE) Integer size,
                                              @Nullable Authentication authentication) {
        return board.list(board.group(slug), status, sort, new PageQuery(page, size), Caller.required(authentication));
    }
}
