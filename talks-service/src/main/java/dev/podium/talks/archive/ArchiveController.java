package dev.podium.talks.archive;

import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import dev.podium.pages.PageLanguage;
import dev.podium.pages.PageRequests;
import dev.podium.talks.support.ChosenLanguage;
import dev.podium.talks.support.Negotiated;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Locale;

/**
 * The public archive, for programs (JSON) and people (pages) at the same URLs: a browser, which asks
 * for {@code text/html}, gets the search page or the talk's page; any other client the JSON.
 */
@Controller("/talks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Archive", description = "The public, searchable archive of accepted talks")
class ArchiveController {

    private final ArchiveService archive;
    private final ArchivePages pages;

    ArchiveController(ArchiveService archive, ArchivePages pages) {
        this.archive = archive;
        this.pages = pages;
    }

    @Get(value = "{?q,mode,tag,group,from,to,page,size}", produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Search accepted talks, newest event first",
            description = "Every word in title, abstract, speaker names and affiliations (case- and accent-insensitive), "
                    + "from this replica's search index. "
                    + "A browser (Accept: text/html) gets the archive's search page instead of JSON.")
    @ApiResponse(responseCode = "200", description = "A page of talks, newest event first", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TalkViewPage.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string", description = "the archive's search page"))})
    HttpResponse<?> search(
            HttpRequest<?> request,
            @Nullable @QueryValue @Parameter(description = "words, all required; with mode=boolean also -not, a | b (either), \"a phrase\", prefix*, (groups)") String q,
            @Nullable @QueryValue @Parameter(description = "natural (default) or boolean") String mode,
            @Nullable @QueryValue String tag,
            @Nullable @QueryValue @Parameter(description = "group slug") String group,
            @Nullable @QueryValue @Parameter(description = "first day, e.g. 2018-01-01 (event's start, local date)") String from,
            @Nullable @QueryValue @Parameter(description = "last day, inclusive") String to,
            @Nullable @QueryValue @Min(0) @Max(100_000) Integer page,
            @Nullable @QueryValue @Min(1) @Max(PageQuery.MAX_SIZE) Integer size) {
        PageQuery paging = new PageQuery(page, size);
        if (!PageRequests.wantsPage(request)) {
            return Negotiated.json(TalkViewPage.of(archive.search(ArchiveQuery.of(q, mode, tag, group, from, to, paging))));
        }
        ArchivePages.Form form = new ArchivePages.Form(q, mode, tag, group, from, to, size, ChosenLanguage.of(request));
        Locale locale = PageLanguage.of(request).locale();
        try {
            PageView<PublicTalkView> found = archive.search(ArchiveQuery.of(q, mode, tag, group, from, to, paging));
            return Negotiated.page(HttpStatus.OK, ArchivePages.ARCHIVE_VIEW, pages.results(form, found, archive.groups(), locale));
        } catch (InvalidArchiveQuery invalid) {
            return Negotiated.page(HttpStatus.BAD_REQUEST, ArchivePages.ARCHIVE_VIEW,
                    pages.invalid(form, invalid.violations(), archive.groups(), locale));
        }
    }

    @Get(value = "/{id}", produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "A talk of the public archive",
            description = "An accepted talk: title, abstract, speakers, event, group, materials; never an email address. "
                    + "404 for anything not in the public archive (submitted, rejected, withdrawn, of a cancelled event), "
                    + "whoever asks. A browser (Accept: text/html) gets the talk's page instead of JSON.")
    @ApiResponse(responseCode = "200", description = "The talk", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicTalkView.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string", description = "the talk's page"))})
    HttpResponse<?> talk(HttpRequest<?> request, @PathVariable String id) {
        PublicTalkView talk = archive.talk(id);
        if (!PageRequests.wantsPage(request)) {
            return Negotiated.json(talk);
        }
        if (talk.group() != null) {
            PageLanguage.prefer(request, talk.group().language());
        }
        return Negotiated.page(HttpStatus.OK, ArchivePages.TALK_VIEW,
                pages.talk(talk, ChosenLanguage.of(request), PageLanguage.of(request).locale()));
    }
}
