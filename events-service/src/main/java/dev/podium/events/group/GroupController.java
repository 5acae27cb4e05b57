package dev.podium.events.group;

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

    @Operation(summary = "Create a group with its first organisers")
    @Post
    HttpResponse<GroupView> create(@Body @Valid GroupRequest request) {
        GroupView group = groups.create(request);
        return HttpResponse.created(group, URI.create("/groups/" + group.slug()));
    }

    @Get("/{slug}")
    Optional<GroupView> get(String slug) {
        return groups.find(slug);
    }

    @Operation(summary = "Add a co-organiser")
    @Post("/{slug}/organisers")
    HttpResponse<GroupView> addOrganiser(String slug, @Body @Valid PersonRequest request) {
        return HttpResponse.created(groups.addOrganiser(slug, request));
    }

    @Operation(summary = "Join a group's mailing list (pending until the emailed link is followed)")
    @Post("/{slug}/members")
    HttpResponse<MemberView> join(String slug, @Body @Valid PersonRequest request) {
        GroupService.JoinResult result = groups.join(slug, request);
        URI location = URI.create("/groups/" + slug + "/members/" + result.member().id());
        return result.created() ? HttpResponse.created(result.member(), location) : HttpResponse.ok(result.member());
    }

    @Operation(summary = "Import members who consented elsewhere, as CSV lines of name,email")
    @Post("/{slug}/members/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    ImportReport importMembers(String slug, @Body @Size(max = 5_000_000) String csv) {
        return groups.importMembers(slug, csv);
    }

    @Operation(summary = "Confirm a membership (the opt-in link); only POST acts")
    @Post("/{slug}/members/{memberId}/confirmation")
    MemberView confirm(String slug, String memberId, @QueryValue String token) {
        return groups.confirm(slug, memberId, token);
    }

    @Operation(summary = "The page an opt-in link opens: it asks to confirm, it does not act")
    @Get("/{slug}/members/{memberId}/confirmation")
    @Produces(MediaType.TEXT_HTML)
    String confirmationPage(String slug, String memberId, @QueryValue String token) {
        return ConfirmationPage.render("/groups/" + slug + "/members/" + memberId + "/confirmation", token);
    }

    @Operation(summary = "Remove a member")
    @Delete("/{slug}/members/{memberId}")
    HttpResponse<Void> remove(String slug, String memberId) {
        groups.removeMember(slug, memberId);
        return HttpResponse.noContent();
    }
}
