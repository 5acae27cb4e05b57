package dev.podium.talks.decision;

import dev.podium.security.Caller;
import dev.podium.talks.cfp.Targets;
import dev.podium.talks.review.OrganiserSubmissionView;
import dev.podium.talks.submission.Outcome;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Decisions", description = "Staged accept/reject decisions, released together (organisers)")
class DecisionController {

    private final DecisionService decisions;
    private final Targets targets;

    DecisionController(DecisionService decisions, Targets targets) {
        this.decisions = decisions;
        this.targets = targets;
    }

    @Post("/submissions/{id}/accept")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Accept a submission (staged until released)",
            description = "Its group's organisers and admin; records who (the caller), why and when; "
                    + "409 submission-withdrawn or decision-released")
    OrganiserSubmissionView accept(@PathVariable String id, @Nullable @Body @Valid DecisionRequest request,
                                   @Nullable Authentication authentication) {
        return decisions.decide(id, Outcome.ACCEPTED, request == null ? null : request.reason(),
                Caller.required(authentication));
    }

    @Post("/submissions/{id}/reject")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Reject a submission, with a reason (staged until released)", description = "Its group's organisers and admin")
    OrganiserSubmissionView reject(@PathVariable String id, @Body @Valid RejectionRequest request,
                                   @Nullable Authentication authentication) {
        return decisions.decide(id, Outcome.REJECTED, request.reason(), Caller.required(authentication));
    }

    @Post("/events/{eventId}/decisions/release")
    @Consumes(MediaType.ALL) // no body to read: an HTML form or urllib sends an empty one as application/x-www-form-urlencoded
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Release the staged decisions of an event",
            description = "Its group's organisers and admin. Speakers learn them now: one TalkAccepted or TalkRejected "
                    + "per decision, each sent once")
    ReleaseView releaseEvent(@PathVariable String eventId, @Nullable Authentication authentication) {
        targets.awaitEvent(eventId);
        return decisions.releaseEvent(eventId, Caller.required(authentication));
    }

    @Post("/groups/{slug}/decisions/release")
    @Consumes(MediaType.ALL) // no body to read: an HTML form or urllib sends an empty one as application/x-www-form-urlencoded
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Release the staged decisions of a group's open call", description = "Its organisers and admin")
    ReleaseView releaseOpenCall(@PathVariable String slug, @Nullable Authentication authentication) {
        targets.awaitGroup(slug);
        return decisions.releaseOpenCall(slug, Caller.required(authentication));
    }
}
