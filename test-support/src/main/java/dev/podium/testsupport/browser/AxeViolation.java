package dev.podium.testsupport.browser;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One rule axe-core found broken on a page, with the elements that break it.
 *
 * @param id      the rule, e.g. {@code html-has-lang}
 * @param impact  {@code minor}, {@code moderate}, {@code serious} or {@code critical}
 * @param help    what the rule asks, in one line
 * @param helpUrl the rule's page at Deque
 * @param nodes   the offending elements
 */
public record AxeViolation(String id, String impact, String help, String helpUrl, List<Node> nodes) {

    /**
     * One offending element.
     *
     * @param target  CSS selectors that reach it (more than one across iframes or shadow roots)
     * @param html    its markup, as axe quotes it
     * @param summary what to fix, as axe says it
     */
    public record Node(List<String> target, String html, String summary) {
    }

    /** Serious and critical violations fail a page; moderate and minor ones are reported only. */
    public boolean blocking() {
        return "serious".equals(impact) || "critical".equals(impact);
    }

    /** The rule, its impact, its help and every offending element, for a failure message. */
    public String describe() {
        return "- " + id + " (" + impact + "): " + help + " <" + helpUrl + ">\n" + nodes.stream()
                .map(node -> "    at " + String.join(" >> ", node.target()) + ": " + node.html()
                        + (node.summary() == null ? "" : "\n      " + node.summary().replace("\n", "\n      ")))
                .collect(Collectors.joining("\n"));
    }
}
