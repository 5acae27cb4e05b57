package dev.podium.events.group;

import dev.podium.security.Caller;
import dev.podium.security.RateLimited;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Optional;

@Tag(name = "groups")
@Controller("/groups")
@ExecuteOn(TaskExecutors.BLOCKING)
class GroupController {

    private final GroupService groups;

    GroupController(GroupService groups) {
        this.groups = groups;
    }

    @Operation(summary = "Create a group: the caller is its first organiser, the request may name co-organisers")
    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<GroupView> create(@Body @Valid GroupRequest request, @Nullable Authentication authentication) {
        GroupView group = groups.create(request, Caller.required(authentication));
        return HttpResponse.created(group, URI.create("/groups/" + group.slug()));
    }

    @Operation(summary = "A group; organisers' emails only for its organisers and admins")
    @Get("/{slug}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Optional<GroupView> get(String slug, @Nullable Authentication authentication) {
        return groups.find(slug, Caller.of(authentication));
    }

    @Operation(summary = "Add a co-organiser (organisers of the group, admins)")
    @Post("/{slug}/organisers")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<GroupView> addOrganiser(String slug, @Body @Valid PersonRequest request, @Nullable Authentication authentication) {
        return HttpResponse.created(groups.addOrganiser(slug, request, Caller.required(authentication)));
    }

    @Operation(summary = "Join a group's mailing list (pending until the emailed link is followed)")
    @Post("/{slug}/members")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @RateLimited("public-writes")
    HttpResponse<MemberView> join(String slug, @Body @Valid PersonRequest request) {
        GroupService.JoinResult result = groups.join(slug, request);
        URI location = URI.create("/groups/" + slug + "/members/" + result.member().id());
        return result.created() ? HttpResponse.created(result.member(), location) : HttpResponse.ok(result.member());
    }

    @Operation(summary = "Import members who consented elsewhere, as CSV lines of name,email (organisers, admins)",
            description = "Within the group's daily import quota (GET /groups/{slug}/quotas): over what is left today, "
                    + "429 quota-reached with Retry-After; more than a whole day's quota, 403 over-quota. Either way "
                    + "nobody is imported.")
    @Post("/{slug}/members/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ImportReport importMembers(String slug, @Body @Size(max = 5_000_000) String csv, @Nullable Authentication authentication) {
        return groups.importMembers(slug, csv, Caller.required(authentication));
    }

    @Operation(summary = "Confirm a membership (the opt-in link); only POST acts")
    @Post("/{slug}/members/{memberId}/confirmation")
    @Consumes(MediaType.ALL) // no body to read: an HTML form or urllib sends an empty one as application/x-www-form-urlencoded
    @Secured(SecurityRule.IS_ANONYMOUS)
    MemberView confirm(String slug, String memberId, @QueryValue String token) {
        return groups.confirm(slug, memberId, token);
    }

    @Operation(summary = "The page an opt-in link opens: it asks to confirm, it does not act")
    @Get("/{slug}/members/{memberId}/confirmation")
    @Produces(MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    String confirmationPage(String slug, String memberId, @QueryValue String token) {
        return ConfirmationPage.render("/groups/" + slug + "/members/" + memberId + "/confirmation", token);
    }

    @Operation(summary = "Remove a member and erase them from the membership (organisers, admins, or the member's opt-in link)")
    @Delete("/{slug}/members/{memberId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Void> remove(String slug, String memberId, @Nullable @QueryValue String token,
                              @Nullable Authentication authentication) {
        groups.removeMember(slug, memberId, token, Caller.of(authentication));
        return HttpResponse.noContent();
    }
}
