package dev.podium.talks.submission;

import dev.podium.security.Caller;
import dev.podium.security.RateLimited;
import dev.podium.talks.cfp.Targets;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;

/**
 * Submissions are private: their speakers, their group's organisers and admin see them, anyone else
 * gets 404; changes are for the primary speaker and admin (403 to the others who see it).
 */
@Controller("/submissions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Submissions", description = "Talk submissions, as speakers see them")
class SubmissionController {

    private final SubmissionService submissions;
    private final Targets targets;

    SubmissionController(SubmissionService submissions, Targets targets) {
        this.submissions = submissions;
        this.targets = targets;
    }

    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @RateLimited("public-writes")
    @Operation(summary = "Submit a talk",
            description = "With your own speaker profile (403 for another's); to an event (eventId) or a group's open call "
                    + "(groupSlug), while its call for papers is open (409 cfp-closed otherwise); 409 not-yet-known (with "
                    + "Retry-After) for an event or group talks-service has not heard of yet, after waiting for it briefly")
    HttpResponse<SubmissionView> submit(@Body @Valid SubmissionRequest request, @Nullable Authentication authentication) {
        targets.awaitTarget(request.eventId(), request.groupSlug());
        SubmissionView submission = submissions.submit(request, Caller.required(authentication));
        return HttpResponse.created(submission, UriBuilder.of("/submissions").path(submission.id()).build());
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "A submission, as its speakers see it (a decision shows once released)",
            description = "For its speakers, its group's organisers and admin; 404 for anyone else")
    SubmissionView get(@PathVariable String id, @Nullable Authentication authentication) {
        return submissions.get(id, Caller.required(authentication));
    }

    @Patch("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Edit a submission",
            description = "Its primary speaker or admin; until a decision (409 submission-decided); each edit is a new revision")
    SubmissionView edit(@PathVariable String id, @Body @Valid SubmissionPatch patch, @Nullable Authentication authentication) {
        return submissions.edit(id, patch, Caller.required(authentication));
    }

    @Get("/{id}/revisions")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The revision history: revision 0 as submitted, then one per edit")
    List<RevisionView> revisions(@PathVariable String id, @Nullable Authentication authentication) {
        return submissions.revisions(id, Caller.required(authentication));
    }

    @Post("/{id}/withdraw")
    @Consumes(MediaType.ALL) // no body to read: an HTML form or urllib sends an empty one as application/x-www-form-urlencoded
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Withdraw a submission", description = "Its primary speaker or admin, before the event starts")
    SubmissionView withdraw(@PathVariable String id, @Nullable Authentication authentication) {
        return submissions.withdraw(id, Caller.required(authentication));
    }

    @Post("/{id}/confirm")
    @Consumes(MediaType.ALL) // no body to read: an HTML form or urllib sends an empty one as application/x-www-form-urlencoded
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Confirm an accepted talk", description = "Its primary speaker or admin")
    SubmissionView confirm(@PathVariable String id, @Nullable Authentication authentication) {
        return submissions.confirm(id, Caller.required(authentication));
    }
}
