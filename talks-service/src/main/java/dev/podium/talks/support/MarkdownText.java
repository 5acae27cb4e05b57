package dev.podium.talks.support;

import io.micronaut.core.annotation.Nullable;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Markdown written by speakers as plain text, for where no markup goes: a search result's snippet,
 * {@code og:description}, the {@code abstract} of structured data. The page itself shows the
 * Markdown through page-support's {@code SafeMarkdown}.
 */
public final class MarkdownText {

    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    private static final int WORD_BOUNDARY_SLACK = 30;

    private MarkdownText() {
    }

    /** The text without Markdown syntax, its white space collapsed to single spaces. */
    public static String plain(@Nullable String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return TEXT.render(PARSER.parse(markdown)).replaceAll("\\s+", " ").strip();
    }

    /**
     * The beginning of the plain text, at most {@code maxCodePoints} code points (an emoji is never cut
     * in half), ended at a word boundary when one is near, with "…" when something was left out.
     */
    public static String snippet(@Nullable String markdown, int maxCodePoints) {
        String text = plain(markdown);
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        int end = text.offsetByCodePoints(0, maxCodePoints);
        int space = text.lastIndexOf(' ', end);
        if (space > 0 && text.codePointCount(space, end) <= WORD_BOUNDARY_SLACK) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }
}
