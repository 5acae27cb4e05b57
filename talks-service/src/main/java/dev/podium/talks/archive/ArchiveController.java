package dev.podium.talks.archive;

import dev.podium.api.PageQuery;
import dev.podium.api.PageView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@Controller("/talks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Archive", description = "The public, searchable archive of accepted talks")
class ArchiveController {

    private final ArchiveService archive;

    ArchiveController(ArchiveService archive) {
        this.archive = archive;
    }

    @Get("{?q,mode,tag,group,from,to,page,size}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Search accepted talks, newest event first",
            description = "Words in title, abstract, speaker name and affiliation (case- and accent-insensitive)")
    PageView<TalkView> search(
            @Nullable @QueryValue @Parameter(description = "words; with mode=boolean: +must -not \"a phrase\" prefix*") String q,
            @Nullable @QueryValue @Parameter(description = "natural (default) or boolean") String mode,
            @Nullable @QueryValue String tag,
            @Nullable @QueryValue @Parameter(description = "group slug") String group,
            @Nullable @QueryValue @Parameter(description = "first day, e.g. 2018-01-01 (event's start, local date)") String from,
            @Nullable @QueryValue @Parameter(description = "last day, inclusive") String to,
            @Nullable @QueryValue @Min(0) @Max(100_000) Integer page,
            @Nullable @QueryValue @Min(1) @Max(PageQuery.MAX_SIZE) Integer size) {
        return archive.search(ArchiveQuery.of(q, mode, tag, group, from, to, new PageQuery(page, size)));
    }
}
