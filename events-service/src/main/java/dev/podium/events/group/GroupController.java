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
import dev.podium.api.NotFound;
import dev.podium.events.support.FormChecks;
import dev.podium.events.support.FormInput;
import dev.podium.pages.PageLanguage;
import dev.podium.pages.PageRequests;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

@Tag(name = "groups")
@Controller("/groups")
@ExecuteOn(TaskExecutors.BLOCKING)
class GroupController {

    private final GroupService groups;
    private final GroupPages pages;
    private final FormChecks checks;

    GroupController(GroupService groups, GroupPages pages, FormChecks checks) {
        this.groups = groups;
        this.pages = pages;
        this.checks = checks;
    }

    @Operation(summary = "Create a group: the caller is its first organiser, the request may name co-organisers")
    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<GroupView> create(@Body @Valid GroupRequest request, @Nullable Authentication authentication) {
        GroupView group = groups.create(request, Caller.required(authentication));
        return HttpResponse.created(group, URI.create("/groups/" + group.slug()));
    }

    @Operation(summary = "A group; organisers' emails only for its organisers and admins",
            description = "The same URL is the group's page for people (Accept naming text/html): its events, calendar "
                    + "feed and join form (posted to /groups/{slug}/join), in the group's language unless ?lang=; "
                    + "?past=2 shows the next page of older events")
    // JSON or the page (PageRequests.wantsPage): a client that accepts only text/html gets the page, not a 406.
    @Get(value = "/{slug}{?past}", produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> get(String slug, @Nullable @QueryValue String past, HttpRequest<?> request, @Nullable Authentication authentication) {
        GroupView group = groups.find(slug, Caller.of(authentication)).orElseThrow(() -> new NotFound("group", slug));
        if (!PageRequests.wantsPage(request)) {
            return HttpResponse.ok(group).contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        PageLanguage.prefer(request, group.language());
        return HttpResponse.ok(new ModelAndView<>("groups/group", pages.model(group, request, FormInput.empty(), past)))
                .contentType(MediaType.TEXT_HTML_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    @Operation(summary = "The group page's join form (name, email, lang): the API's join, then 303 to a page saying "
            + "to check one's inbox; 400 with the page and its errors; an address already on the list gets a page saying so")
    @Post(value = "/{slug}/join", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @RateLimited("public-writes")
    HttpResponse<?> joinFromPage(String slug, @Body Map<String, String> form, HttpRequest<?> request) {
        PageLanguage.prefer(request, form.get(PageLanguage.PARAMETER));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", form.get("name"));
        values.put("email", form.get("email"));
        PersonRequest person = new PersonRequest(values.get("name"), values.get("email"), null);
        FormInput input = checks.check(person, values);
        if (!input.valid()) {
            GroupView group = groups.find(slug, Optional.empty()).orElseThrow(() -> new NotFound("group", slug));
            return HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(new ModelAndView<>("groups/group", pages.model(group, request, input, null)))
                    .contentType(MediaType.TEXT_HTML_TYPE);
        }
        GroupService.JoinResult result = groups.join(slug, person);
        if (result.created()) {
            return HttpResponse.seeOther(URI.create("/groups/" + slug + "/joined?lang=" + PageLanguage.of(request).code()));
        }
        GroupView group = groups.find(slug, Optional.empty()).orElseThrow(() -> new NotFound("group", slug));
        Map<String, Object> model = GroupPages.result(group, request);
        model.put("existing", result.member().status().name());
        return HttpResponse.ok(new ModelAndView<>("groups/joined", model)).contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Operation(summary = "The page a join from the group's page leads to: check your inbox for the opt-in email")
    @Get(value = "/{slug}/joined", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> joined(String slug, HttpRequest<?> request) {
        GroupView group = groups.find(slug, Optional.empty()).orElseThrow(() -> new NotFound("group", slug));
        PageLanguage.prefer(request, group.language());
        return HttpResponse.ok(new ModelAndView<>("groups/joined", GroupPages.result(group, request)))
                .contentType(MediaType.TEXT_HTML_TYPE);
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

    @Operation(summary = "Confirm a membership (the opt-in link); only POST acts",
            description = "From the confirmation page's button (Accept naming text/html) the answer is a page saying so")
    @Post(value = "/{slug}/members/{memberId}/confirmation", produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Consumes(MediaType.ALL) // no body to read: an HTML form or urllib sends an empty one as application/x-www-form-urlencoded
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> confirm(String slug, String memberId, @QueryValue String token, HttpRequest<?> request) {
        MemberView member = groups.confirm(slug, memberId, token);
        if (!PageRequests.wantsPage(request)) {
            return HttpResponse.ok(member).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        GroupView group = groups.find(slug, Optional.empty()).orElseThrow(() -> new NotFound("group", slug));
        PageLanguage.prefer(request, group.language());
        return HttpResponse.ok(new ModelAndView<>("groups/confirmed", GroupPages.result(group, request)))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Operation(summary = "The page an opt-in link opens: it asks to confirm, it does not act")
    @Get(value = "/{slug}/members/{memberId}/confirmation", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> confirmationPage(String slug, String memberId, @QueryValue String token, HttpRequest<?> request) {
        GroupView group = groups.find(slug, Optional.empty()).orElseThrow(() -> new NotFound("group", slug));
        PageLanguage.prefer(request, group.language());
        Map<String, Object> model = GroupPages.result(group, request);
        model.put("action", "/groups/" + slug + "/members/" + memberId + "/confirmation?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&lang=" + PageLanguage.of(request).code());
        return HttpResponse.ok(new ModelAndView<>("groups/confirm", model)).contentType(MediaType.TEXT_HTML_TYPE);
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
