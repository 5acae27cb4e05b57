package dev.podium.talks.support;

import io.micronaut.core.annotation.Nullable;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Markdown written by speakers as plain text, for where no markup goes: a search result's snippet,
 * {@code og:description}, the {@code abstract} of structured data. It is the text a reader sees on the
 * page (which shows the Markdown through page-support's {@code SafeMarkdown}): emphasis and headings
 * without their marks, a link's words without its address, HTML as the characters typed.
 */
public final class MarkdownText {

    private static final Parser PARSER = Parser.builder().build();
    private static final int WORD_BOUNDARY_SLACK = 30;

    private MarkdownText() {
    }

    /** The text without Markdown syntax, its white space collapsed to single spaces. */
    public static String plain(@Nullable String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder(markdown.length());
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(HtmlInline node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(HtmlBlock node) {
                text.append(' ').append(node.getLiteral()).append(' ');
            }

            @Override
            public void visit(FencedCodeBlock node) {
                text.append(' ').append(node.getLiteral()).append(' ');
            }

            @Override
            public void visit(IndentedCodeBlock node) {
                text.append(' ').append(node.getLiteral()).append(' ');
            }

            @Override
            public void visit(SoftLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak node) {
                text.append(' ');
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof Block) {
                    text.append(' ');
                }
            }
        });
        return text.toString().replaceAll("\\s+", " ").strip();
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
