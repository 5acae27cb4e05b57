package dev.podium.testsupport.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/** axe-core run inside the page the browser shows: the script is injected, then {@code axe.run}. */
final class Axe {

    /** Hands back only what a failure message needs, as plain lists and maps (Selenium converts them). */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(results => done(results.violations.map(v => ({
                  id: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(n => ({
                      target: n.target.map(t => Array.isArray(t) ? t.join(' ') : String(t)),
                      html: n.html, summary: n.failureSummary || null }))
              }))))
              .catch(e => done('axe.run failed: ' + (e && e.stack || e)));
            """;

    private final Path script;
    private final String source;

    Axe(Path script) {
        this.script = script;
        try {
            this.source = Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read axe-core from " + script, e);
        }
    }

    Path script() {
        return script;
    }

    @SuppressWarnings("unchecked")
    List<AxeViolation> run(JavascriptExecutor page) {
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
            page.executeScript(source);
        }
        Object result = page.executeAsyncScript(RUN);
        if (!(result instanceof List<?> violations)) {
            throw new IllegalStateException(String.valueOf(result));
        }
        List<AxeViolation> found = new ArrayList<>();
        for (Object item : violations) {
            Map<String, Object> v = (Map<String, Object>) item;
            List<AxeViolation.Node> nodes = new ArrayList<>();
            for (Object n : (List<Object>) v.get("nodes")) {
                Map<String, Object> node = (Map<String, Object>) n;
                nodes.add(new AxeViolation.Node(((List<Object>) node.get("target")).stream().map(String::valueOf).toList(),
                        String.valueOf(node.get("html")), (String) node.get("summary")));
            }
            found.add(new AxeViolation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                    (String) v.get("helpUrl"), List.copyOf(nodes)));
        }
        return List.copyOf(found);
    }
}
