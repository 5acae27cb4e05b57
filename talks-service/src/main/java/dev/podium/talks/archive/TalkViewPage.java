package dev.podium.talks.archive;

import dev.podium.api.PageView;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The JSON of {@code GET /talks}: exactly a {@link PageView} of {@link TalkView}s, under the schema name
 * the OpenAPI document always gave it. The route answers either this or the archive's page, so its
 * declared return type cannot name it; this record does.
 */
@Serdeable
@Schema(name = "PageView_TalkView_")
record TalkViewPage(List<TalkView> items, int page, int size, long total) {

    static TalkViewPage of(PageView<PublicTalkView> found) {
        return new TalkViewPage(found.items().stream().map(TalkView::of).toList(), found.page(), found.size(), found.total());
    }
}
