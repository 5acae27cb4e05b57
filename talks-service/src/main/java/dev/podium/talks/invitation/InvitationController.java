package dev.podium.talks.invitation;

import dev.podium.security.Caller;
import dev.podium.talks.submission.SubmissionView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Co-speakers", description = "Inviting a co-speaker by email and accepting with the signed token")
class InvitationController {

    private final InvitationService invitations;

    InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Post("/submissions/{id}/invitations")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Invite a co-speaker by email",
            description = "The primary speaker or admin. Publishes CoSpeakerInvited with a signed accept link, "
                    + "which notifications-service mails")
    HttpResponse<InvitationView> invite(@PathVariable String id, @Body @Valid InvitationRequest request,
                                        @Nullable Authentication authentication) {
        InvitationView invitation = invitations.invite(id, request, Caller.required(authentication));
        return HttpResponse.created(invitation, UriBuilder.of("/submissions").path(id).path("invitations").build());
    }

    @Get("/submissions/{id}/invitations")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The invitations of a submission, pending and accepted",
            description = "The primary speaker, the group's organisers and admin")
    List<InvitationView> invitations(@PathVariable String id, @Nullable Authentication authentication) {
        return invitations.of(id, Caller.required(authentication));
    }

    @Post("/invitations/{token}/accept")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Accept an invitation with its token",
            description = "Signed in, with your own speaker profile (422 speaker-profile-required without one); "
                    + "400 invalid-invitation-token when tampered with, 410 invitation-expired, 409 invitation-already-accepted")
    SubmissionView accept(@PathVariable String token, @Nullable @Body @Valid AcceptInvitationRequest request,
                          @Nullable Authentication authentication) {
        return invitations.accept(token, request == null ? null : request.speakerId(),
                Caller.required(authentication));
    }
}
