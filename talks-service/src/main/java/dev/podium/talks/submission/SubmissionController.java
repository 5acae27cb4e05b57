package dev.podium.talks.submission;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;

@Controller("/submissions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Submissions", description = "Talk submissions, as speakers see them")
class SubmissionController {

    private final SubmissionService submissions;

    SubmissionController(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @Post
    @Operation(summary = "Submit a talk", description = "To an event (eventId) or a group's open call (groupSlug), while its call for papers is open (409 cfp-closed otherwise)")
    HttpResponse<SubmissionView> submit(@Body @Valid SubmissionRequest request) {
        SubmissionView submission = submissions.submit(request);
        return HttpResponse.created(submission, UriBuilder.of("/submissions").path(submission.id()).build());
    }

    @Get("/{id}")
    @Operation(summary = "A submission, as its speakers see it (a decision shows once released)")
    SubmissionView get(@PathVariable String id) {
        return submissions.get(id);
    }

    @Patch("/{id}")
    @Operation(summary = "Edit a submission", description = "Until a decision (409 submission-decided); each edit is a new revision")
    SubmissionView edit(@PathVariable String id, @Body @Valid SubmissionPatch patch) {
        return submissions.edit(id, patch);
    }

    @Get("/{id}/revisions")
    @Operation(summary = "The revision history: revision 0 as submitted, then one per edit")
    List<RevisionView> revisions(@PathVariable String id) {
        return submissions.revisions(id);
    }

    @Post("/{id}/withdraw")
    @Operation(summary = "Withdraw a submission", description = "Before the event starts")
    SubmissionView withdraw(@PathVariable String id) {
        return submissions.withdraw(id);
    }

    @Post("/{id}/confirm")
    @Operation(summary = "Confirm an accepted talk")
    SubmissionView confirm(@PathVariable String id) {
        return submissions.confirm(id);
    }
}
