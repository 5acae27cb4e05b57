package dev.podium.talks.decision;

import dev.podium.talks.access.OrganiserAccess;
import dev.podium.talks.review.OrganiserSubmissionView;
import dev.podium.talks.submission.Outcome;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Decisions", description = "Staged accept/reject decisions, released together (organisers)")
class DecisionController {

    private final DecisionService decisions;

    DecisionController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Post("/submissions/{id}/accept")
    @Operation(summary = "Accept a submission (staged until released)",
            description = "Records who (X-Podium-Organiser), why and when; 409 submission-withdrawn or decision-released")
    OrganiserSubmissionView accept(@PathVariable String id, @Nullable @Body @Valid DecisionRequest request,
                                   @Nullable @Header(OrganiserAccess.HEADER) String organiser) {
        return decisions.decide(id, Outcome.ACCEPTED, request == null ? null : request.reason(), organiser);
    }

    @Post("/submissions/{id}/reject")
    @Operation(summary = "Reject a submission, with a reason (staged until released)")
    OrganiserSubmissionView reject(@PathVariable String id, @Body @Valid RejectionRequest request,
                                   @Nullable @Header(OrganiserAccess.HEADER) String organiser) {
        return decisions.decide(id, Outcome.REJECTED, request.reason(), organiser);
    }

    @Post("/events/{eventId}/decisions/release")
    @Operation(summary = "Release the staged decisions of an event",
            description = "Speakers learn them now: one TalkAccepted or TalkRejected per decision, each sent once")
    ReleaseView releaseEvent(@PathVariable String eventId, @Nullable @Header(OrganiserAccess.HEADER) String organiser) {
        return decisions.releaseEvent(eventId, organiser);
    }

    @Post("/groups/{slug}/decisions/release")
    @Operation(summary = "Release the staged decisions of a group's open call")
    ReleaseView releaseOpenCall(@PathVariable String slug, @Nullable @Header(OrganiserAccess.HEADER) String organiser) {
        return decisions.releaseOpenCall(slug, organiser);
    }
}
