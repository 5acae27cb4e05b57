package dev.podium.talks.support;

import io.micronaut.core.annotation.Nullable;

/** Links given by speakers (slides, video, their site) as pages may put them in an {@code href}. */
public final class WebLinks {

    private WebLinks() {
    }

    /**
     * The URL when it is an absolute http(s) one, as {@link WebUrl} requires of every stored link;
     * anything else (a {@code javascript:} URL stored before that rule) is null, so no page links to it.
     */
    @Nullable
    public static String href(@Nullable String url) {
        return url != null && Validators.isWebUrl(url) ? url : null;
    }
}
