package dev.podium.talks.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Abstracts as the plain text a reader sees, for snippets, descriptions and structured data. */
class MarkdownTextTest {

    @Test
    void theTextWithoutItsMarksLinksByTheirWordsAndHtmlAsTyped() {
        String markdown = """
                # Neural ODEs

                **ResNets** in _mathematics_: \\( h_{t+1} = f(h_t, \\theta_t) + h_t \\), see [the paper](https://arxiv.org/abs/1806.07366)
                and `odeint()`.

                - Montréal 🚶🚷
                - <script>alert(1)</script>
                """;

        assertThat(MarkdownText.plain(markdown)).isEqualTo("Neural ODEs ResNets in mathematics: ( h_{t+1} = f(h_t, \\theta_t) + h_t ), "
                + "see the paper and odeint(). Montréal 🚶🚷 <script>alert(1)</script>");
        assertThat(MarkdownText.plain(null)).isEmpty();
        assertThat(MarkdownText.plain("  \n ")).isEmpty();
    }

    @Test
    void aSnippetEndsAtAWordNeverInsideAnEmojiAndSaysWhatWasLeftOut() {
        assertThat(MarkdownText.snippet("Short *enough*.", 20)).isEqualTo("Short enough.");
        assertThat(MarkdownText.snippet("Action recognition and human pose estimation are closely related tasks", 30))
                .isEqualTo("Action recognition and human…");
        String emoji = "🚶".repeat(10);
        assertThat(MarkdownText.snippet(emoji, 5)).isEqualTo("🚶".repeat(5) + "…");
        assertThat(MarkdownText.snippet("x".repeat(100), 40)).isEqualTo("x".repeat(40) + "…");
    }
}
